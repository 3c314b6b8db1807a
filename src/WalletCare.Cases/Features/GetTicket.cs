using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

public sealed record EarlierCase(Guid Id, string Number, string Status, string Category, DateTime ReceivedAt, int? Attitude, bool? Resolved);
public sealed record Customer360(Guid Id, string DisplayName, string? PhoneMasked, string? EmailMasked, WalletSummary? Wallet,
    IReadOnlyList<TransactionSummary> RecentTransactions, SecurityOverview Security, IReadOnlyList<EarlierCase> EarlierCases);
public sealed record TicketDto(ComplaintDto Case, IReadOnlyList<ClockDto> Clocks, Guid? AssigneeId, string Team, int EscalationLevel,
    string? ExternalSource, string? ExternalReference, DateTime? ExternalDueAt, IReadOnlyList<TransactionSummary> LinkedTransactions,
    Customer360 Customer, IReadOnlyList<string> OthersViewing);

/// <summary>GET /api/v1/agent/tickets/{id} — the agent's workspace (built by CasesQueries.TicketAsync).</summary>
public static class GetTicket
{
    public static async Task<Ok<TicketDto>> Endpoint(Guid id, CasesQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.TicketAsync(user, id, ct));

    /// <summary>Fills a macro's placeholders for this case.</summary>
    public static string Expand(string body, TicketDto t)
    {
        var expected = t.LinkedTransactions.Where(x => x.ExpectedBy is not null).Select(x => x.ExpectedBy).FirstOrDefault()
            ?? t.Customer.RecentTransactions.Where(x => x.Type == "refund" && x.ExpectedBy is not null).Select(x => x.ExpectedBy).FirstOrDefault();
        var when = expected is null ? "—" : WalletCare.Platform.Calendar.BusinessCalendar.ToLocal(expected.Value).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return body.Replace("{customerName}", t.Customer.DisplayName).Replace("{caseNumber}", t.Case.Number).Replace("{refundExpectedBy}", when);
    }
}

/// <summary>GET /api/v1/agent/macros — saved replies with placeholders.</summary>
public static class ListMacros
{
    public static async Task<Ok<IReadOnlyList<Macro>>> Endpoint(CasesQueries queries, string? locale, CancellationToken ct) =>
        TypedResults.Ok(await queries.MacrosAsync(locale, ct));
}

/// <summary>Who has a case open right now (collision warning). In memory per node; entries expire after 2 minutes.</summary>
public sealed class Presence(TimeProvider time)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid Case, Guid User), (string Name, DateTime At)> _seen = new();

    public IReadOnlyList<string> Touch(Guid caseId, Guid userId, string name)
    {
        var now = time.GetUtcNow().UtcDateTime;
        _seen[(caseId, userId)] = (name, now);
        return _seen.Where(kv => kv.Key.Case == caseId && kv.Key.User != userId && now - kv.Value.At < TimeSpan.FromMinutes(2))
            .Select(kv => kv.Value.Name).ToList();
    }
}
