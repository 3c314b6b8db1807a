using Microsoft.EntityFrameworkCore.Design;
using WalletCare.Remedies;

namespace WalletCare.Migrations.Sqlite;

internal sealed class RemediesFactory : IDesignTimeDbContextFactory<RemediesDbContext>
{
    public RemediesDbContext CreateDbContext(string[] args) => new(Design.Options<RemediesDbContext>("remedies"));
}
