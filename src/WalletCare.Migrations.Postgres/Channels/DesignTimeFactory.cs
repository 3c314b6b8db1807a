using Microsoft.EntityFrameworkCore.Design;
using WalletCare.Channels;

namespace WalletCare.Migrations.Postgres;

internal sealed class ChannelsFactory : IDesignTimeDbContextFactory<ChannelsDbContext>
{
    public ChannelsDbContext CreateDbContext(string[] args) => new(Design.Options<ChannelsDbContext>("channels"));
}
