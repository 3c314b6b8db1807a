using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WalletCare.Platform.Persistence;

namespace WalletCare.Migrations.Postgres;

// dotnet-ef builds contexts through these when generating migrations:
//   dotnet ef migrations add <Name> --project src/WalletCare.Migrations.Postgres --context <Ctx> -o <Area>
internal static class Design
{
    public static DbContextOptions<T> Options<T>(string module) where T : DbContext
    {
        var b = new DbContextOptionsBuilder<T>();
        DatabaseSetupExtensions.Configure(b, new DatabaseSettings
        {
            Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=design", DataDirectory = ".",
        }, module);
        return b.Options;
    }
}
