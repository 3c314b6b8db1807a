namespace WalletCare.Platform.Modules;

/// <summary>A command of the server executable: `WalletCare.Server &lt;name&gt; [args]`. Exit code 0 is success.</summary>
public interface ICliVerb
{
    string Name { get; }
    string Help { get; }
    Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct);
}

/// <summary>Runs at every start after migrations (demo or not): reference rows an area cannot live without.</summary>
public interface IStartupInitializer
{
    Task InitializeAsync(CancellationToken ct);
}
