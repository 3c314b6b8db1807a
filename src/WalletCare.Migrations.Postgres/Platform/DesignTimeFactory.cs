using Microsoft.EntityFrameworkCore.Design;
using WalletCare.Platform.Persistence;

namespace WalletCare.Migrations.Postgres;

internal sealed class PlatformFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) => new(Design.Options<PlatformDbContext>("platform"));
}
