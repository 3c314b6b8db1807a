using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletCare.Migrations.Postgres.Protection.Migrations
{
    /// <inheritdoc />
    public partial class AccountProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "freeze_episodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Episode = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_freeze_episodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "phone_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PhoneHash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CodeHash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ClientAddress = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_phone_codes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "step_up_challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Operation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_step_up_challenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unfreeze_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentType = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DocumentLast4 = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CheckNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unfreeze_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_freeze_episodes_CustomerId_Episode",
                table: "freeze_episodes",
                columns: new[] { "CustomerId", "Episode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_phone_codes_ClientAddress_CreatedAt",
                table: "phone_codes",
                columns: new[] { "ClientAddress", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_phone_codes_PhoneHash_CreatedAt",
                table: "phone_codes",
                columns: new[] { "PhoneHash", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_step_up_challenges_CustomerId_CreatedAt",
                table: "step_up_challenges",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_unfreeze_requests_CustomerId",
                table: "unfreeze_requests",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_unfreeze_requests_State_RequestedAt",
                table: "unfreeze_requests",
                columns: new[] { "State", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "freeze_episodes");

            migrationBuilder.DropTable(
                name: "phone_codes");

            migrationBuilder.DropTable(
                name: "step_up_challenges");

            migrationBuilder.DropTable(
                name: "unfreeze_requests");
        }
    }
}
