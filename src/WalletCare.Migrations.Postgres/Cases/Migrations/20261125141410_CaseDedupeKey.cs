using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletCare.Migrations.Postgres.Cases.Migrations
{
    /// <inheritdoc />
    public partial class CaseDedupeKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DedupeKey",
                table: "cases",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_DedupeKey",
                table: "cases",
                column: "DedupeKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_DedupeKey",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "DedupeKey",
                table: "cases");
        }
    }
}
