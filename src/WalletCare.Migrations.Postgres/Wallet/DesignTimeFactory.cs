using Microsoft.EntityFrameworkCore.Design;
using WalletCare.Wallet;

namespace WalletCare.Migrations.Postgres;

internal sealed class WalletFactory : IDesignTimeDbContextFactory<WalletDbContext>
{
    public WalletDbContext CreateDbContext(string[] args) => new(Design.Options<WalletDbContext>("wallet"));
}
