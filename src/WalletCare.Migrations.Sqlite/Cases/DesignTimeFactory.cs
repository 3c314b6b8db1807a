using Microsoft.EntityFrameworkCore.Design;
using WalletCare.Cases;

namespace WalletCare.Migrations.Sqlite;

internal sealed class CasesFactory : IDesignTimeDbContextFactory<CasesDbContext>
{
    public CasesDbContext CreateDbContext(string[] args) => new(Design.Options<CasesDbContext>("cases"));
}
