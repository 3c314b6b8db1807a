using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Gateway;
using WalletCare.Platform.Validation;

namespace WalletCare.Wallet.Features;

public sealed record BindCardRequest(string? Number, string? Expiry, string? Cvv, string? HolderName);

/// <summary>POST /cards: the gateway tokenises the card; we keep the token and display data, never the number or CVV.</summary>
public sealed class BindCardHandler(WalletDbContext db, OpenWalletHandler wallets, ICardGateway gateway, IAuditLog audit, TimeProvider time,
    IUserDirectory users)
{
    internal static async Task<Created<CardDto>> PostAsync(BindCardRequest req, BindCardHandler handler, CurrentUser user, CancellationToken ct)
    {
        var card = await handler.HandleAsync(user.UserId, req, ct);
        return TypedResults.Created($"/api/v1/wallet/cards/{card.Id}", TransactionExplainer.Map(card));
    }

    public async Task<Card> HandleAsync(Guid customerId, BindCardRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var digits = new string((r.Number ?? "").Where(char.IsDigit).ToArray());
        if (digits.Length is < 12 or > 19 || !SimulatedCardGateway.Luhn(digits)) errors["number"] = ["field.card_number"];
        if (!SimulatedCardGateway.TryExpiry(r.Expiry ?? "", out _)) errors["expiry"] = ["field.card_expiry"];
        if (string.IsNullOrWhiteSpace(r.Cvv) || r.Cvv.Length is < 3 or > 4 || !r.Cvv.All(char.IsDigit)) errors["cvv"] = ["field.card_cvv"];
        Text.Check(errors, "holderName", r.HolderName, 60);
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        await wallets.EnsureWalletAsync(customerId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var t = gateway.Tokenize(digits, r.Expiry!, r.Cvv!, now);
        if (t.Token is null) throw new AppProblem(WalletErrors.Gateway(t.Code!));
        // Real-name rule (实名): a card must be in the verified holder's name. Checked after the bank has
        // answered so a bad card still reads as a card problem, and before anything is stored.
        var owner = await users.GetAsync(customerId, ct);
        if (owner is null || !SameName(owner.DisplayName, r.HolderName!)) throw new AppProblem(WalletErrors.CardHolderMismatch);
        var card = new Card
        {
            CustomerId = customerId, Token = t.Token, Brand = t.Brand, Bank = t.Bank, Last4 = t.Last4, Expiry = r.Expiry!,
            HolderName = r.HolderName!.Trim(), CreatedAt = now,
        };
        db.Cards.Add(card);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(customerId.ToString(), "card.bound", "card:" + card.Id, new { card.Last4, card.Brand }, ct);
        return card;
    }

    /// <summary>Embossed names differ in case and spacing ("ZHANG WEI" / "Zhang Wei", "张 伟" / "张伟"); nothing else.</summary>
    internal static bool SameName(string verified, string holder) => Squash(verified) == Squash(holder);

    private static string Squash(string s) => new string(s.Where(ch => !char.IsWhiteSpace(ch)).ToArray()).ToUpperInvariant();
}
