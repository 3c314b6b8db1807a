using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletCare.Migrations.Sqlite.Wallet.Migrations
{
    /// <inheritdoc />
    public partial class InitialWallet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Brand = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Bank = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Last4 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Expiry = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DebitsPosted = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditsPosted = table.Column<long>(type: "INTEGER", nullable: false),
                    DebitsPending = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditsPending = table.Column<long>(type: "INTEGER", nullable: false),
                    DebitsMustNotExceedCredits = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_accounts", x => x.Id);
                    table.CheckConstraint("CK_ledger_accounts_no_overdraft", "NOT \"DebitsMustNotExceedCredits\" OR \"DebitsPosted\" + \"DebitsPending\" <= \"CreditsPosted\"");
                });

            migrationBuilder.CreateTable(
                name: "ledger_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DebitAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreditAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PendingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TransactionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_transfers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "merchants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Descriptor = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    LedgerAccountId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "transaction_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TransactionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transaction_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wallet_transactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CounterpartyCustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Counterparty = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OriginalTransactionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RefundDestination = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ExpectedBy = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SettleAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PendingTransferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wallet_transactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wallets",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    KycLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    LedgerAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrozenReason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    FrozenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wallets", x => x.CustomerId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cards_CustomerId",
                table: "cards",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_cards_Token",
                table: "cards",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_accounts_Code",
                table: "ledger_accounts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_transfers_Key",
                table: "ledger_transfers",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_transfers_PendingId",
                table: "ledger_transfers",
                column: "PendingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_transfers_TransactionId",
                table: "ledger_transfers",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_transaction_events_TransactionId_At",
                table: "transaction_events",
                columns: new[] { "TransactionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_wallet_transactions_CustomerId_CreatedAt",
                table: "wallet_transactions",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wallet_transactions_CustomerId_IdempotencyKey",
                table: "wallet_transactions",
                columns: new[] { "CustomerId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wallet_transactions_OriginalTransactionId",
                table: "wallet_transactions",
                column: "OriginalTransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_wallet_transactions_Status_SettleAt",
                table: "wallet_transactions",
                columns: new[] { "Status", "SettleAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cards");

            migrationBuilder.DropTable(
                name: "ledger_accounts");

            migrationBuilder.DropTable(
                name: "ledger_transfers");

            migrationBuilder.DropTable(
                name: "merchants");

            migrationBuilder.DropTable(
                name: "transaction_events");

            migrationBuilder.DropTable(
                name: "wallet_transactions");

            migrationBuilder.DropTable(
                name: "wallets");
        }
    }
}
