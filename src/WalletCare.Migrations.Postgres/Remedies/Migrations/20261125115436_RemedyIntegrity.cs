using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletCare.Migrations.Postgres.Remedies.Migrations
{
    /// <inheritdoc />
    public partial class RemedyIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "remedies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "remedies",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "remedies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "claim_decisions",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Upheld = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reversed = table.Column<int>(type: "integer", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_claim_decisions", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "remedy_allowances",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UsedMinor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remedy_allowances", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_remedies_TransactionId",
                table: "remedies",
                column: "TransactionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "claim_decisions");

            migrationBuilder.DropTable(
                name: "remedy_allowances");

            migrationBuilder.DropIndex(
                name: "IX_remedies_TransactionId",
                table: "remedies");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "remedies");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "remedies");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "remedies");
        }
    }
}
