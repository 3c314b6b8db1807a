namespace WalletCare.Server.Hosting;

public static class LaunchArguments
{
    public static (string[] Args, bool Demo) Extract(string[] args)
    {
        var demo = args.Any(a => a is "--demo" or "/demo");
        var rest = args.Where(a => a is not ("--demo" or "/demo")).ToArray();
        if (!demo && bool.TryParse(Environment.GetEnvironmentVariable("WalletCare__Demo"), out var d)) demo = d;
        return (rest, demo);
    }
}
