using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletCare.Migrations.Sqlite.Wallet.Migrations
{
    /// <inheritdoc />
    public partial class TransactionOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientIp",
                table: "wallet_transactions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SessionId",
                table: "wallet_transactions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClientIp",
                table: "wallet_transactions");

            migrationBuilder.DropColumn(
                name: "SessionId",
                table: "wallet_transactions");
        }
    }
}
