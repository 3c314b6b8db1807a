using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Http;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Gateway;

namespace WalletCare.Wallet.Features;

public sealed record TopupRequest(Guid CardId, long AmountMinor);

/// <summary>
/// POST /topups (card → wallet). The pending row is committed first and the gateway is called outside
/// the lock, so a slow bank never holds the wallet; its answer is then applied by <see cref="GatewayResultHandler"/>.
/// </summary>
public sealed class TopUpHandler(WalletDbContext db, WalletOperations ops, ICardGateway gateway, GatewayResultHandler results)
{
    internal static async Task<Created<TransactionDto>> PostAsync(TopupRequest req, TopUpHandler handler, CurrentUser user, TransactionExplainer x, HttpContext http, CancellationToken ct) =>
        WalletEndpoints.Created(x, await handler.HandleAsync(user.UserId, req, WalletEndpoints.Key(http), null, ct));

    public async Task<WalletTransaction> HandleAsync(Guid customerId, TopupRequest r, string key, DateTime? at = null, CancellationToken ct = default)
    {
        WalletOperations.RequirePositive(r.AmountMinor);
        var hash = WalletOperations.Hash("topup", r.CardId, r.AmountMinor);
        if (await ops.ExistingAsync(customerId, key, hash, ct) is { } done) return done;
        var when = at ?? ops.Now;
        WalletTransaction tx;
        Card card;
        await using (var dbtx = await db.Database.BeginTransactionAsync(ct))
        {
            var w = await ops.WalletForUpdateAsync(customerId, ct);
            WalletOperations.RequireNotFrozen(w);
            card = await ops.ActiveCardAsync(customerId, r.CardId, ct);
            tx = WalletTransaction.Open(customerId, TxType.Topup, r.AmountMinor, key, hash, when);
            tx.CardId = card.Id;
            tx.Counterparty = WalletOperations.CardLabel(card);
            db.Transactions.Add(tx);
            if (!await ops.TrySaveAsync(ct)) return (await ops.ExistingAsync(customerId, key, hash, ct))!;
            await dbtx.CommitAsync(ct);
        }
        var result = gateway.Charge(card.Token, card.Expiry, r.AmountMinor, tx.Id.ToString(), when);
        return await results.ApplyAsync(tx.Id, result, when, ct);
    }
}
