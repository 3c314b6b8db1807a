using WalletCare.Platform.Contracts;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Http;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Persistence;
using WalletCare.Security;
using WalletCare.Server.Hosting;

namespace WalletCare.Server.Cli;

public static class CliVerbs
{
    public static IServiceCollection AddCliVerbs(this IServiceCollection services)
    {
        services.AddScoped<ICliVerb, MigrateVerb>();
        services.AddScoped<ICliVerb, SeedDemoVerb>();
        services.AddScoped<ICliVerb, CreateAdminVerb>();
        services.AddScoped<ICliVerb, VerifyAuditVerb>();
        services.AddScoped<ICliVerb, BackupVerb>();
        services.AddScoped<ICliVerb, RestoreVerb>();
        services.AddScoped<ICliVerb, GenerateLoadVerb>();
        return services;
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var verbs = scope.ServiceProvider.GetServices<ICliVerb>().ToDictionary(v => v.Name);
        if (!verbs.TryGetValue(args[0], out var verb))
        {
            Console.Error.WriteLine($"unknown command '{args[0]}'. Commands:");
            foreach (var v in verbs.Values.OrderBy(v => v.Name)) Console.Error.WriteLine($"  {v.Name,-16} {v.Help}");
            return 64;
        }
        if (verb is not RestoreVerb)
        {
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
            foreach (var init in scope.ServiceProvider.GetServices<IStartupInitializer>())
                await init.InitializeAsync(CancellationToken.None);
        }
        return await verb.RunAsync(args[1..], Console.Out, CancellationToken.None);
    }

    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

internal sealed class MigrateVerb : ICliVerb
{
    public string Name => "migrate";
    public string Help => "apply database migrations";
    public Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        output.WriteLine("migrations applied");
        return Task.FromResult(0);
    }
}

internal sealed class SeedDemoVerb(IServiceProvider sp) : ICliVerb
{
    public string Name => "seed-demo";
    public string Help => "add demo data (idempotent)";
    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        await DemoData.SeedAsync(sp, ct);
        output.WriteLine("demo data seeded");
        return 0;
    }
}

internal sealed class CreateAdminVerb(IUserDirectory users) : ICliVerb
{
    public string Name => "create-admin";
    public string Help => "--user NAME [--password P] (or WALLETCARE_ADMIN_PASSWORD)";
    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var name = CliVerbs.Option(args, "--user") ?? "admin";
        var password = CliVerbs.Option(args, "--password") ?? Environment.GetEnvironmentVariable("WALLETCARE_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password) || password.Length < 12)
        {
            output.WriteLine("a password of at least 12 characters is required (--password or WALLETCARE_ADMIN_PASSWORD)");
            return 2;
        }
        if (await users.FindByLoginAsync(name, ct) is not null)
        {
            output.WriteLine($"user '{name}' already exists");
            return 1;
        }
        await users.CreateAsync(new NewUser(name, Roles.Admin, password, UserName: name), ct);
        output.WriteLine($"admin '{name}' created");
        return 0;
    }
}

internal sealed class VerifyAuditVerb(PlatformDbContext db, AuditLog log) : ICliVerb
{
    public string Name => "verify-audit";
    public string Help => "recompute the audit hash chain; exit 1 when it is broken";
    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        // Lines committed with their changes but not linked yet (the node stopped first) are linked now, then checked.
        var linked = await log.ChainPendingAsync(ct);
        if (linked > 0) output.WriteLine($"linked {linked} pending audit lines");
        var r = await AuditLog.VerifyAsync(db, ct);
        output.WriteLine(r.Ok ? $"OK: {r.Message}" : $"BROKEN: {r.Message}");
        return r.Ok ? 0 : 1;
    }
}
