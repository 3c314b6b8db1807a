using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletCare.Migrations.Postgres.Wallet.Migrations
{
    /// <inheritdoc />
    public partial class WalletUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wallet_usage",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OutgoingMinor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wallet_usage", x => new { x.CustomerId, x.Period });
                });

            // Running usage starts from the outgoing transactions already stored (Shanghai days and months).
            migrationBuilder.Sql(@"INSERT INTO wallet_usage (""CustomerId"", ""Period"", ""OutgoingMinor"")
                SELECT ""CustomerId"", 'D' || to_char((""CreatedAt"" AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD'), SUM(""AmountMinor"") FROM wallet_transactions
                WHERE ""Type"" IN ('payment', 'transfer_out', 'withdrawal') AND ""Status"" IN ('succeeded', 'pending', 'unknown')
                GROUP BY 1, 2");
            migrationBuilder.Sql(@"INSERT INTO wallet_usage (""CustomerId"", ""Period"", ""OutgoingMinor"")
                SELECT ""CustomerId"", 'M' || to_char((""CreatedAt"" AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM'), SUM(""AmountMinor"") FROM wallet_transactions
                WHERE ""Type"" IN ('payment', 'transfer_out', 'withdrawal') AND ""Status"" IN ('succeeded', 'pending', 'unknown')
                GROUP BY 1, 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wallet_usage");
        }
    }
}
