using WalletCare.Server.Cli;
using WalletCare.Server.Hosting;

// `--demo` is a bare flag: take it out before the configuration binder sees it,
// or "--demo --urls X" would bind "--urls" as its value (SPEC §2).
var (args2, demo) = LaunchArguments.Extract(args);
var builder = WebApplication.CreateBuilder(args2);
if (demo) builder.Configuration["WalletCare:Demo"] = "true";
builder.AddWalletCare();

var app = builder.Build();
app.UseWalletCare();

if (args2.Length > 0 && !args2[0].StartsWith('-'))
    return await CliVerbs.RunAsync(app, args2);

await app.RunAsync();
return 0;

/// <summary>Entry point type, public for WebApplicationFactory.</summary>
public partial class Program;
