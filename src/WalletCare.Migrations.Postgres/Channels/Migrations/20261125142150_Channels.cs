using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WalletCare.Migrations.Postgres.Channels.Migrations
{
    /// <inheritdoc />
    public partial class Channels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channel_email_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Direction = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_email_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "channel_imap_cursors",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    LastUid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_imap_cursors", x => x.Mailbox);
                });

            migrationBuilder.CreateTable(
                name: "channel_inbound_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_inbound_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "channel_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    From = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MatchedCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    MatchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "channel_sources",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Secret = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PreviousSecret = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PreviousValidUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RotatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_sources", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "channel_webhook_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExternalReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_webhook_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_channel_email_messages_CaseId_At",
                table: "channel_email_messages",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_channel_email_messages_MessageId",
                table: "channel_email_messages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_channel_inbound_log_Address_At",
                table: "channel_inbound_log",
                columns: new[] { "Address", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_channel_items_MatchedCaseId_ReceivedAt",
                table: "channel_items",
                columns: new[] { "MatchedCaseId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_channel_webhook_events_Source_EventId",
                table: "channel_webhook_events",
                columns: new[] { "Source", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_channel_webhook_events_Source_ExternalReference",
                table: "channel_webhook_events",
                columns: new[] { "Source", "ExternalReference" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channel_email_messages");

            migrationBuilder.DropTable(
                name: "channel_imap_cursors");

            migrationBuilder.DropTable(
                name: "channel_inbound_log");

            migrationBuilder.DropTable(
                name: "channel_items");

            migrationBuilder.DropTable(
                name: "channel_sources");

            migrationBuilder.DropTable(
                name: "channel_webhook_events");
        }
    }
}
