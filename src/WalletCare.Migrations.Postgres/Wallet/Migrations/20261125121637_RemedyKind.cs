using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletCare.Migrations.Postgres.Wallet.Migrations
{
    /// <inheritdoc />
    public partial class RemedyKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RemedyKind",
                table: "wallet_transactions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // Remedy rows used to carry their kind code in Counterparty, where customers saw it raw.
            migrationBuilder.Sql("""
                UPDATE wallet_transactions SET "RemedyKind" = "Counterparty", "Counterparty" = NULL
                WHERE "Type" IN ('remedy', 'reversal') AND "RemedyKind" IS NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE wallet_transactions SET "Counterparty" = "RemedyKind" WHERE "RemedyKind" IS NOT NULL
                """);
            migrationBuilder.DropColumn(
                name: "RemedyKind",
                table: "wallet_transactions");
        }
    }
}
