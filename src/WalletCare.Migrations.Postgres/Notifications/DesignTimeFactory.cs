using Microsoft.EntityFrameworkCore.Design;
using WalletCare.Notifications;

namespace WalletCare.Migrations.Postgres;

internal sealed class NotificationsFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args) => new(Design.Options<NotificationsDbContext>("notifications"));
}
