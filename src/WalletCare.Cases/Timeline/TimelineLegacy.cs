using System.Globalization;
using System.Text.RegularExpressions;
using WalletCare.Platform.Contracts;

namespace WalletCare.Cases.Timeline;

/// <summary>
/// Rows written before entries carried typed arguments kept resource keys and fen amounts in the body
/// ("remedy.proposed goodwill_credit 500000", "claim.upheld", a machine reason as the status reason).
/// They stay in the database untouched (the timeline is append-only), so they are translated here on read.
/// </summary>
internal static partial class TimelineLegacy
{
    public static (string Kind, TimelineArgs Args, string Body) Normalize(string kind, string body, TimelineArgs a)
    {
        switch (kind)
        {
            case "remedy":
                return Remedy(body, a);
            case TimelineKinds.ClaimDecision when body is "claim.upheld" or "claim.rejected":
                return (kind, a with { Upheld = body == "claim.upheld" }, "");
            case TimelineKinds.StatusChange when MachineCode().IsMatch(body):
                return (kind, a with { ReasonCode = body }, "");
            case TimelineKinds.Merge when a.Number is null:
                return (kind, a with { Number = body }, "");
            case TimelineKinds.Attachment when a.FileName is null:
                return (kind, a with { FileName = body }, "");
            default:
                return (kind, a, body);
        }
    }

    private static (string, TimelineArgs, string) Remedy(string body, TimelineArgs a)
    {
        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long? Amount(int i) => words.Length > i && long.TryParse(words[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : a.AmountMinor;
        string? Type(int i) => words.Length > i ? words[i] : a.RemedyType;
        if (body.StartsWith("remedy.executed.", StringComparison.Ordinal))
            return (TimelineKinds.RemedyExecuted, a with { RemedyType = body["remedy.executed.".Length..] }, "");
        if (body.StartsWith("remedy.proposed", StringComparison.Ordinal))
            return (TimelineKinds.RemedyProposed, a with { RemedyType = Type(1), AmountMinor = Amount(2) }, "");
        if (body.StartsWith("remedy.approved", StringComparison.Ordinal))
            return (TimelineKinds.RemedyApproved, a with { RemedyType = Type(1), AmountMinor = Amount(2) }, "");
        if (body.StartsWith("remedy.rejected", StringComparison.Ordinal))
            return (TimelineKinds.RemedyRejected, a, body["remedy.rejected".Length..].TrimStart(':', ' '));
        if (body.StartsWith("remedy.failed", StringComparison.Ordinal))
            return (TimelineKinds.RemedyFailed, a with { Code = words.Length > 1 ? words[1] : a.Code }, "");
        if (body.StartsWith("remedy.provisional_reversed", StringComparison.Ordinal))
            return (TimelineKinds.RemedyReversed, a, "");
        return (TimelineKinds.RemedyProposed, a, "");
    }

    [GeneratedRegex("^[a-z]+(_[a-z0-9]+)+$")]
    private static partial Regex MachineCode();
}
