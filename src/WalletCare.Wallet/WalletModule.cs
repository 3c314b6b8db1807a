using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Persistence;
using WalletCare.Wallet.Features;
using WalletCare.Wallet.Gateway;
using WalletCare.Wallet.Jobs;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet;

public static class WalletModule
{
    public static IServiceCollection AddWalletModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<WalletDbContext>("wallet");
        services.AddErrorResources<Resources.WalletText>();
        services.AddSingleton<ICardGateway, SimulatedCardGateway>();
        services.AddSingleton(new WalletLimits());
        services.AddScoped<LedgerService>();
        services.AddScoped<WalletOperations>();
        services.AddScoped<OpenWalletHandler>();
        services.AddScoped<BindCardHandler>();
        services.AddScoped<UnbindCardHandler>();
        services.AddScoped<TopUpHandler>();
        services.AddScoped<PayHandler>();
        services.AddScoped<TransferHandler>();
        services.AddScoped<WithdrawHandler>();
        services.AddScoped<RefundPaymentHandler>();
        services.AddScoped<GatewayResultHandler>();
        services.AddScoped<WalletJobs>();
        services.AddScoped<TransactionExplainer>();
        services.AddScoped<WalletQueries>();
        services.AddScoped<IWalletQueries, WalletContractQueries>();
        services.AddScoped<IWalletRemedies, WalletRemedies>();
        services.AddScoped<IWalletSecurity, WalletSecurity>();
        services.AddScoped<IPersonalDataSource, WalletPersonalData>();
        services.AddScoped<StopPendingWithdrawals>();
        services.AddScoped<IWalletForensics, WalletForensics>();
        services.AddScoped<IDemoSeeder, WalletDemoSeeder>();
        services.AddScoped<IStartupInitializer, WalletInitializer>();
        services.AddScoped<ICliVerb, VerifyLedgerVerb>();
        services.AddHostedService<WalletJobsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapWalletModule(this IEndpointRouteBuilder app, bool demo)
    {
        app.MapWalletApi();
        if (demo) app.MapSimulator();
        return app;
    }
}

internal sealed class WalletInitializer(WalletDbContext db, TimeProvider time) : IStartupInitializer
{
    public Task InitializeAsync(CancellationToken ct) => SystemAccounts.EnsureAsync(db, time.GetUtcNow().UtcDateTime, ct);
}
