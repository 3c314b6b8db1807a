using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace WalletCare.Testing;

public enum Db { Sqlite, Postgres }

/// <summary>
/// The real server in process over a real database: a fresh SQLite file in a temp directory,
/// or a fresh database in the test PostgreSQL cluster. Time is a <see cref="FakeTimeProvider"/>
/// that tests move forward; demo data is seeded unless <c>demo: false</c>.
/// </summary>
public sealed class WalletCareFactory : WebApplicationFactory<Program>
{
    /// <summary>Tuesday 2026-11-24 10:00 Asia/Shanghai.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    public Db Db { get; }
    public string DataDirectory { get; }
    public string? ConnectionString { get; }
    public FakeTimeProvider Time { get; }
    /// <summary>Per-address sign-in rate limit; high by default so tests that sign in often are not throttled.</summary>
    public int LoginAttemptsPerMinute { get; init; } = 10_000;
    /// <summary>
    /// Session idle timeout. Tests that move the clock by hours or days keep their signed-in clients, so the
    /// default here is 60 days; the idle-timeout test sets the production default (30 minutes).
    /// </summary>
    public int IdleTimeoutMinutes { get; init; } = 60 * 24 * 60;
    private readonly bool _demo;
    private readonly bool _ownsDirectory;
    private readonly Action<IServiceCollection>? _configure;

    public WalletCareFactory(Db db = Db.Sqlite, bool demo = true, DateTimeOffset? start = null, string? dataDirectory = null,
        string? connectionString = null, Action<IServiceCollection>? configure = null)
    {
        EnsureContentRoot();
        Db = db;
        _demo = demo;
        _configure = configure;
        Time = new FakeTimeProvider(start ?? DefaultStart);
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("wc-test-").FullName;
        if (db == Db.Postgres) ConnectionString = connectionString ?? PostgresServer.CreateDatabase();
    }

    /// <summary>Points the host at src/WalletCare.Server when the caller (e.g. bench/) has no generated content-root attribute.</summary>
    private static void EnsureContentRoot()
    {
        const string variable = "ASPNETCORE_TEST_CONTENTROOT_WALLETCARE_SERVER";
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 }) return;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "WalletCare.Server");
            if (File.Exists(Path.Combine(candidate, "WalletCare.Server.csproj")))
            {
                Environment.SetEnvironmentVariable(variable, candidate);
                return;
            }
        }
    }

    /// <summary>Skips when PostgreSQL is requested but its binaries are missing.</summary>
    public static WalletCareFactory Create(Db db, bool demo = true, DateTimeOffset? start = null)
    {
        if (db == Db.Postgres) PostgresServer.RequireOrSkip();
        return new WalletCareFactory(db, demo, start);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("WalletCare:DataDirectory", DataDirectory);
        builder.UseSetting("WalletCare:Demo", _demo ? "true" : "false");
        builder.UseSetting("WalletCare:BackgroundJobs", "false");
        builder.UseSetting("Security:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:IdleTimeoutMinutes", IdleTimeoutMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Database:Provider", Db == Db.Postgres ? "postgres" : "sqlite");
        if (ConnectionString is not null) builder.UseSetting("ConnectionStrings:WalletCare", ConnectionString);
        builder.ConfigureLogging(l => l.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", Microsoft.Extensions.Logging.LogLevel.Error)
            .AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", Microsoft.Extensions.Logging.LogLevel.None));
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Time);
            _configure?.Invoke(s);
        });
    }

    /// <summary>An API client signed in with a bearer token (demo password).</summary>
    public async Task<HttpClient> ClientForAsync(string login, string password = DemoPassword, string language = "zh-CN")
    {
        var anon = CreateClient();
        var res = await anon.PostAsJsonAsync("/api/v1/auth/login", new { login, password });
        res.EnsureSuccessStatusCode();
        var body = await res.Content.ReadFromJsonAsync<TokenBody>();
        if (body!.TwoFactorRequired)
        {
            res = await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { body.ChallengeId, code = await DemoTwoFactorCodeAsync(login) });
            res.EnsureSuccessStatusCode();
            body = await res.Content.ReadFromJsonAsync<TokenBody>();
        }
        var c = CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!.AccessToken);
        c.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return c;
    }

    public const string DemoPassword = "Demo@2026!";

    private sealed record TokenBody(string? AccessToken, bool TwoFactorRequired, Guid? ChallengeId);

    /// <summary>The documented demo TOTP secret every demo staff account is enrolled with (SPEC §2).</summary>
    public const string DemoTotpSecret = "WALLETCAREDEMOTOTPSECRET";

    /// <summary>
    /// The current code of the demo secret for a staff sign-in. The fake clock stands still, so a test that signs the
    /// same person in twice would replay a code the server already accepted (refused, RFC 6238 §5.2); the fixture
    /// forgets the accepted step, as 30 real seconds passing would.
    /// </summary>
    public async Task<string> DemoTwoFactorCodeAsync(string login)
    {
        var key = login.Trim().ToLowerInvariant();
        await ScopedAsync(sp => sp.GetRequiredService<WalletCare.Security.Persistence.SecurityDbContext>().Users
            .Where(u => u.UserName == key || u.Phone == key || u.Email == key)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.TotpLastStep, (long?)null)));
        return DemoTotpCode(Time.GetUtcNow().UtcDateTime);
    }

    /// <summary>Enrols a staff account a test created with the demo TOTP secret: staff cannot sign in without a second factor.</summary>
    public Task EnrolDemoSecondFactorAsync(string userName) => ScopedAsync(async sp =>
    {
        var id = await sp.GetRequiredService<WalletCare.Security.Persistence.SecurityDbContext>().Users
            .Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync();
        await sp.GetRequiredService<WalletCare.Security.Auth.TwoFactor>().EnrolAsync(id, Time.GetUtcNow().UtcDateTime, default, DemoTotpSecret);
        return 0;
    });

    public static string DemoTotpCode(DateTime utcNow) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(DemoTotpSecret)).ComputeTotp(utcNow);

    public T Scoped<T>(Func<IServiceProvider, T> f)
    {
        using var scope = Services.CreateScope();
        return f(scope.ServiceProvider);
    }

    public async Task<T> ScopedAsync<T>(Func<IServiceProvider, Task<T>> f)
    {
        using var scope = Services.CreateScope();
        return await f(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_ownsDirectory) try { Directory.Delete(DataDirectory, true); } catch (IOException) { }
    }
}
