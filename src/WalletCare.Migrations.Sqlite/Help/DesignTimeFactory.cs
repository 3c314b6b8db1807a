using Microsoft.EntityFrameworkCore.Design;
using WalletCare.Help;

namespace WalletCare.Migrations.Sqlite;

internal sealed class HelpFactory : IDesignTimeDbContextFactory<HelpDbContext>
{
    public HelpDbContext CreateDbContext(string[] args) => new(Design.Options<HelpDbContext>("help"));
}
