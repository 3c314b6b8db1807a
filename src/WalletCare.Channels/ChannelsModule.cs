using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WalletCare.Channels.Email;
using WalletCare.Channels.Features;
using WalletCare.Channels.Webhooks;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Outbox;
using WalletCare.Platform.Persistence;

namespace WalletCare.Channels;

public static class ChannelsModule
{
    /// <summary>
    /// Register AFTER the notifications area: when Smtp:Host is configured the SMTP sender replaces its
    /// pickup-folder IEmailSender (Replace also works when nothing was registered yet).
    /// </summary>
    public static IServiceCollection AddChannelsModule(this IServiceCollection services, IConfiguration config, bool demo)
    {
        services.AddModuleDbContext<ChannelsDbContext>("channels");
        services.AddErrorResources<Resources.ChannelText>();
        services.AddSingleton(ChannelSettings.From(config, demo));
        if (SmtpSettings.From_(config) is { } smtp)
        {
            services.AddSingleton(smtp);
            services.Replace(ServiceDescriptor.Singleton<IEmailSender, SmtpEmailSender>());
        }
        if (ImapSettings.From(config) is { } imap)
        {
            services.AddSingleton(imap);
            services.AddScoped<ImapPoller>();
            services.AddHostedService<ImapPollerService>();
        }
        services.AddScoped<MailThreading>();
        services.AddScoped<IEmailThreads, EmailThreads>();
        services.AddScoped<ReceiveEmailHandler>();
        services.AddScoped<WebhookGate>();
        services.AddScoped<ReceiveWebhookHandler>();
        services.AddScoped<ReceiveCtiCallHandler>();
        services.AddScoped<ListChannelItems>();
        services.AddScoped<MatchChannelItemHandler>();
        services.AddScoped<FindCallersHandler>();
        services.AddScoped<WebhookFanOut>();
        services.AddScoped<IOutboxTransport>(sp => sp.GetRequiredService<WebhookFanOut>());
        services.AddScoped<WebhookDeliverer>();
        services.AddHttpClient(WebhookDeliverer.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHostedService<WebhookDeliveryService>();
        services.AddScoped<GetCallerHandler>();
        services.AddScoped<OpenCaseForCallerHandler>();
        services.AddScoped<LogCallHandler>();
        services.AddScoped<IDemoSeeder, ChannelsDemoSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapChannelsModule(this IEndpointRouteBuilder app) => app.MapChannels();
}
