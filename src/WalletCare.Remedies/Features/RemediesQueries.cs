using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Paging;
using WalletCare.Remedies.Domain;

namespace WalletCare.Remedies.Features;

/// <summary>
/// A remedy as staff see it, including how its posting is going: <see cref="PostingPending"/> while an approved
/// remedy waits for the wallet, with the attempts so far, the last error and when the job tries next.
/// </summary>
public sealed record RemedyDto(Guid Id, Guid CaseId, string CaseNumber, string Type, long AmountMinor, string Currency, Guid? TransactionId,
    string Reason, Guid ProposedBy, DateTime ProposedAt, string State, Guid? DecidedBy, DateTime? DecidedAt, string? DecisionReason,
    Guid? WalletTransactionId, Guid? ReversalTransactionId, DateTime? ExecutedAt, bool PostingPending, int Attempts, string? LastError,
    DateTime? NextAttemptAt)
{
    public static RemedyDto From(Remedy r) => new(r.Id, r.CaseId, r.CaseNumber, r.Type, r.AmountMinor, r.Currency, r.TransactionId, r.Reason,
        r.ProposedBy, r.ProposedAt, r.State, r.DecidedBy, r.DecidedAt, r.DecisionReason, r.WalletTransactionId, r.ReversalTransactionId,
        r.ExecutedAt, r.State == RemedyStates.Approved, r.Attempts, r.LastError, r.State == RemedyStates.Approved ? r.NextAttemptAt : null);
}


/// <summary>
/// The remedies area's read side, used by the API routes, the console pages and the cases area
/// (through <see cref="ICaseRemedies"/>): what was proposed on a case, and the approval lists.
/// </summary>
public sealed class RemediesQueries(RemediesDbContext db) : ICaseRemedies
{
    /// <summary>States the approvals list can show: the checker's inbox, remedies approved but not yet posted, and refused postings.</summary>
    private static readonly string[] ListableStates = [RemedyStates.PendingApproval, RemedyStates.Approved, RemedyStates.Failed];

    public async Task<IReadOnlyList<RemedyDto>> ForCaseAsync(Guid caseId, CancellationToken ct) =>
        (await db.Remedies.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.ProposedAt).ToListAsync(ct)).Select(RemedyDto.From).ToList();

    public Task<CursorPage<RemedyDto>> ByStateAsync(string? state, int? limit, string? cursor, CancellationToken ct)
    {
        state = string.IsNullOrEmpty(state) ? RemedyStates.PendingApproval : state;
        if (!ListableStates.Contains(state)) throw AppProblem.Validation("state", "field.invalid");
        return Keyset.PageAsync(db.Remedies.AsNoTracking().Where(r => r.State == state), r => r.ProposedAt, r => r.Id, descending: false,
            limit, cursor, r => RemedyDto.From(r), d => (d.ProposedAt, d.Id), ct);
    }

    /// <summary>For the case's timeline and dossier: a customer sees only money that moved, never an internal reason.</summary>
    public async Task<IReadOnlyList<RemedySummary>> ListAsync(Guid caseId, bool customerView = false, CancellationToken ct = default)
    {
        var q = db.Remedies.AsNoTracking().Where(r => r.CaseId == caseId);
        if (customerView) q = q.Where(r => r.State == RemedyStates.Executed || r.State == RemedyStates.Reversed);
        return await q.OrderBy(r => r.ProposedAt)
            .Select(r => new RemedySummary(r.Id, r.Type, r.AmountMinor, r.Currency, r.State, r.ProposedAt, r.DecidedAt, r.WalletTransactionId,
                customerView ? null : r.Reason))
            .ToListAsync(ct);
    }
}
