using Microsoft.Extensions.Localization;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Resources;

namespace WalletCare.Wallet.Features;

public sealed record TransactionEventDto(DateTime At, string Status, string? Code, string? Note);

public sealed record TransactionDto(
    Guid Id, string Type, string Status, long AmountMinor, string Currency,
    string? FailureCode, string? FailureTitle, string? FailureMessage, string? NextSteps,
    string? Counterparty, string? Description, Guid? CardId, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime? ExpectedBy, string? RefundDestination, Guid? OriginalTransactionId,
    IReadOnlyList<TransactionEventDto>? Events);

public sealed record CardDto(Guid Id, string Brand, string Bank, string Last4, string Expiry, string HolderName);

/// <summary>Turns rows into API shapes, explaining failure codes in the request's language.</summary>
public sealed class TransactionExplainer(IStringLocalizer<WalletText> text)
{
    public string? Text(string key)
    {
        var s = text[key];
        return s.ResourceNotFound ? null : s.Value;
    }

    public TransactionDto Map(WalletTransaction t, IReadOnlyList<TransactionEvent>? events = null) => new(
        t.Id, t.Type, t.Status, t.AmountMinor, t.Currency,
        t.FailureCode, t.FailureCode is null ? null : Text(t.FailureCode),
        t.FailureCode is null ? null : Text(t.FailureCode + ".detail"),
        t.FailureCode is null ? null : Text(t.FailureCode + ".next"),
        CounterpartyOf(t), t.Description, t.CardId, t.CreatedAt, t.UpdatedAt, t.ExpectedBy, t.RefundDestination, t.OriginalTransactionId,
        events?.Select(e => new TransactionEventDto(e.At, e.Status, e.Code, e.Note)).ToList());

    /// <summary>Who or what is on the other side, as a person reads it: a remedy's kind comes from the resources, never as its code.</summary>
    public string? CounterpartyOf(WalletTransaction t) =>
        t.RemedyKind is { } kind ? Text("remedy." + kind) ?? Text("remedy.other") : t.Counterparty;

    public static CardDto Map(Card c) => new(c.Id, c.Brand, c.Bank, c.Last4, c.Expiry, c.HolderName);
}
