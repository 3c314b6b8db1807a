using System.Globalization;
using Microsoft.Extensions.Localization;
using WalletCare.Help.Resources;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Contracts;

namespace WalletCare.Help.Troubleshooting;

public sealed record RunTransaction(Guid Id, string Type, string Status, long AmountMinor, string Amount, string? Counterparty,
    DateTime CreatedAt, string? FailureCode, string? FailureText, DateTime? ExpectedBy);
public sealed record RunAction(string Kind, string Label, string Href);
public sealed record Diagnosis(RunTransaction? Transaction, string Text, IReadOnlyList<string> Steps, bool Overdue,
    string ComplaintCategory, IReadOnlyList<string> ArticleKeys, IReadOnlyList<RunAction> Extra);

/// <summary>
/// The five wallet-aware troubleshooters of SPEC §6: which transaction each looks at, and what it says
/// about it in words (never a code). Reads only what <see cref="IWalletQueries"/> gives for the signed-in customer.
/// </summary>
public sealed class Troubleshooters(IStringLocalizer<HelpText> text, TimeProvider time)
{
    public const string PaymentFailed = "payment_failed", TopupNotArrived = "topup_not_arrived", RefundStatus = "refund_status",
        Unrecognised = "unrecognised_transaction", Identity = "identity_verification";

    public static readonly string[] Keys = [PaymentFailed, TopupNotArrived, RefundStatus, Unrecognised, Identity];

    public string Title(string key) => text["ts." + key + ".title"];
    public string Subject(string key) => text["ts." + key + ".subject"];
    public string ArticleLabel() => text["ts.action.article"];
    public string SolvedLabel() => text["ts.action.solved"];
    public string ComplainLabel(bool overdue) => text[overdue ? "ts.action.complain_overdue" : "ts.action.complain"];

    /// <summary>The latest transaction this troubleshooter is about, when the customer did not pick one.</summary>
    public static TransactionSummary? Pick(string key, IReadOnlyList<TransactionSummary> recent)
    {
        var newest = recent.OrderByDescending(t => t.CreatedAt).ToList();
        return key switch
        {
            PaymentFailed => newest.FirstOrDefault(t => t.Type is "payment" or "transfer_out" or "withdrawal" && t.Status is "failed" or "unknown"),
            TopupNotArrived => newest.FirstOrDefault(t => t.Type == "topup" && t.Status is "failed" or "unknown" or "pending")
                               ?? newest.FirstOrDefault(t => t.Type == "topup"),
            RefundStatus => newest.FirstOrDefault(t => t.Type == "refund"),
            Unrecognised => newest.FirstOrDefault(t => t.Type is "payment" or "transfer_out" or "withdrawal" && t.Status == "succeeded"),
            _ => null,
        };
    }

    public Diagnosis Diagnose(string key, TransactionSummary? t, WalletSummary? wallet)
    {
        if (key == Identity) return DiagnoseIdentity(wallet);
        var category = key switch
        {
            PaymentFailed => "payment_failed", TopupNotArrived => "topup_failed", RefundStatus => "refund_not_received", _ => "unauthorized_transaction",
        };
        if (t is null) return new Diagnosis(null, text["ts.none"], [text["ts.step.pick"]], false, category, [ArticleFor(key, null)], []);
        var tx = Describe(t);
        var when = Local(t.CreatedAt);
        var what = text["tx." + t.Type];
        var steps = new List<string>();
        var extra = new List<RunAction>();
        string said;
        var overdue = false;
        switch (t.Status)
        {
            case "failed" when key == RefundStatus:
                said = text["ts.refund.failed", tx.Amount];
                break;
            case "failed":
                said = text["ts.failed", when, tx.Amount, what, t.Counterparty ?? "", tx.FailureText ?? text["code.other"]];
                steps.Add(text[NextKey(t.FailureCode)]);
                steps.Add(text["ts.step.no_charge"]);
                if (key == PaymentFailed) extra.Add(new RunAction("wallet", text["ts.action.wallet"], "/wallet"));
                break;
            case "pending" or "unknown" when key == RefundStatus:
                overdue = t.ExpectedBy is { } due && due < time.GetUtcNow().UtcDateTime;
                said = overdue ? text["ts.refund.overdue", tx.Amount, Local(t.ExpectedBy)] : text["ts.refund.pending", tx.Amount, t.Counterparty ?? "", Local(t.ExpectedBy)];
                steps.Add(text[overdue ? "ts.step.overdue" : "ts.step.wait_refund"]);
                break;
            case "pending" or "unknown":
                said = text["ts.pending", when, tx.Amount, what];
                steps.Add(text["ts.step.no_repeat"]);
                break;
            default:
                said = key switch
                {
                    RefundStatus => text["ts.refund.succeeded", tx.Amount, t.Counterparty ?? ""],
                    Unrecognised => text["ts.unrecognised", when, t.Counterparty ?? "", tx.Amount],
                    _ => text["ts.succeeded", when, tx.Amount, what],
                };
                if (key == Unrecognised)
                {
                    steps.Add(text["ts.step.descriptor"]);
                    steps.Add(text["ts.step.not_me"]);
                    extra.Add(new RunAction("freeze", text["ts.action.freeze"], "/security"));
                }
                else steps.Add(text["ts.step.refresh"]);
                break;
        }
        return new Diagnosis(tx, said, steps, overdue, category, [ArticleFor(key, t.FailureCode)], extra);
    }

    private Diagnosis DiagnoseIdentity(WalletSummary? w)
    {
        var said = w is null ? text["ts.kyc.none"] : text["ts.kyc." + Math.Clamp(w.KycLevel, 0, 2)];
        var steps = new List<string> { text["ts.step.kyc_check"], text["ts.step.kyc_face"] };
        if (w?.Status == "frozen") steps.Insert(0, text["ts.step.frozen"]);
        return new Diagnosis(null, said, steps, false, "identity_verification", ["identity_verification_failed", "identity_verification"], []);
    }

    public RunTransaction Describe(TransactionSummary t) => new(t.Id, t.Type, t.Status, t.AmountMinor,
        new Platform.Money.Money(t.AmountMinor, t.Currency).Format(), t.Counterparty, t.CreatedAt, t.FailureCode,
        t.FailureCode is null ? null : Explain(t.FailureCode), t.ExpectedBy);

    /// <summary>A decline code in words; unknown codes get a plain sentence, never the code itself.</summary>
    public string Explain(string code)
    {
        var s = text["code." + code];
        return s.ResourceNotFound ? text["code.other"] : s;
    }

    private string NextKey(string? code) =>
        code is not null && !text["code." + code + ".next"].ResourceNotFound ? "code." + code + ".next" : "code.other.next";

    private static string Local(DateTime? utc) =>
        utc is null ? "—" : BusinessCalendar.ToLocal(utc.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The article that says the same at more length.</summary>
    public static string ArticleFor(string key, string? code) => (key, code) switch
    {
        (_, "INSUFFICIENT_FUNDS") => "decline_insufficient_funds",
        (_, "ISSUER_DECLINED") => "decline_issuer_declined",
        (_, "CARD_LIMIT_EXCEEDED") => "decline_card_limit",
        (_, "TIMEOUT" or "NETWORK_ERROR") => "decline_timeout",
        (_, "RISK_BLOCKED") => "decline_risk_blocked",
        (_, "CARD_LOST_OR_STOLEN") => "decline_card_lost_stolen",
        (_, "CARD_EXPIRED") => "decline_card_expired",
        (_, "BAD_CARD_DATA") => "decline_bad_card_data",
        (_, "BALANCE_INSUFFICIENT") => "wallet_balance_insufficient",
        (_, "DAILY_LIMIT_EXCEEDED" or "TRANSACTION_LIMIT_EXCEEDED" or "MONTHLY_LIMIT_EXCEEDED") => "limits",
        (_, "KYC_REQUIRED") => "kyc_required",
        (_, "WALLET_FROZEN") => "unfreeze_account",
        (PaymentFailed, _) => "payment_failed",
        (TopupNotArrived, _) => "topup_not_arrived",
        (RefundStatus, _) => "refund_not_received",
        _ => "unauthorized_transaction",
    };
}
