using Microsoft.EntityFrameworkCore.Design;
using WalletCare.Protection;

namespace WalletCare.Migrations.Sqlite;

internal sealed class ProtectionFactory : IDesignTimeDbContextFactory<ProtectionDbContext>
{
    public ProtectionDbContext CreateDbContext(string[] args) => new(Design.Options<ProtectionDbContext>("protection"));
}
