using Microsoft.EntityFrameworkCore.Design;
using WalletCare.Security.Persistence;

namespace WalletCare.Migrations.Postgres;

internal sealed class SecurityFactory : IDesignTimeDbContextFactory<SecurityDbContext>
{
    public SecurityDbContext CreateDbContext(string[] args) => new(Design.Options<SecurityDbContext>("security"));
}
