using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WalletCare.Notifications.Features;
using WalletCare.Notifications.Outbox;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Outbox;
using WalletCare.Platform.Persistence;

namespace WalletCare.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<NotificationsDbContext>("notifications");
        services.AddErrorResources<Resources.NotificationText>();
        // Defaults write to the pickup folder; a real SMTP/SMS gateway registered first (or instead) wins.
        services.TryAddSingleton<ISmsSender, PickupSmsSender>();
        services.TryAddSingleton<IEmailSender, PickupEmailSender>();
        services.AddScoped<IOutboxTransport, SmsTransport>();
        services.AddScoped<IOutboxTransport, EmailTransport>();
        services.AddScoped<IOutboxTransport, InAppTransport>();
        services.AddScoped<PreferenceRules>();
        services.AddScoped<OutboxDrainer>();
        services.AddScoped<NotificationsQueries>();
        services.AddScoped<MarkReadHandler>();
        services.AddScoped<UpdatePreferencesHandler>();
        services.AddHostedService<OutboxJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsModule(this IEndpointRouteBuilder app, bool demo)
    {
        app.MapNotifications();
        if (demo) app.MapSimMessages();
        return app;
    }
}
