using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Features;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;

namespace WalletCare.Cases;

/// <summary>
/// Cases opened by other areas (a freeze, a "not me" report, an e-mail, a call, a webhook): the same rules,
/// clocks and timeline as the customer's own complaint form (<see cref="FileComplaintHandler"/>), plus a
/// dedupe key so a retried or doubled trigger still gives one case.
/// </summary>
public sealed class CaseIntake(FileComplaintHandler file, CasesDbContext db) : ICaseIntake
{
    private static readonly string[] Priorities = ["P1", "P2", "P3", "P4"];

    public async Task<IntakeResult> OpenAsync(IntakeRequest r, CancellationToken ct = default)
    {
        if (r.MinimumPriority is { } p && !Priorities.Contains(p)) throw AppProblem.Validation("minimumPriority", "field.invalid");
        if (r.DedupeKey is { } key && await ExistingAsync(key, ct) is { } existing) return existing;

        var complaint = new NewComplaint(r.Category, Clip(r.Subject, 200), Clip(r.Description, 4000), r.TransactionIds, r.DesiredOutcome);
        var terms = new IntakeTerms(new Actor(r.ActorId, r.ActorRole), r.MinimumPriority, r.DedupeKey);
        try
        {
            var c = await file.HandleAsync(r.CustomerId, complaint, r.Channel, terms, ct, r.ReceivedAt);
            return new IntakeResult(c.Id, c.Number, true);
        }
        catch (DbUpdateException) when (r.DedupeKey is { } k)
        {
            // A twin with the same key committed first (unique index): answer with its case.
            db.ChangeTracker.Clear();
            return await ExistingAsync(k, ct) ?? throw new InvalidOperationException("dedupe conflict without a case: " + k);
        }
    }

    public async Task<CaseRef?> FindOpenCaseAsync(Guid customerId, Guid? transactionId = null, CancellationToken ct = default)
    {
        var open = db.Cases.AsNoTracking().Where(c => c.CustomerId == customerId && c.IsOpen && c.MergedIntoId == null);
        if (transactionId is { } t)
            open = open.Where(c => db.CaseTransactions.Any(x => x.CaseId == c.Id && x.TransactionId == t));
        return await open.OrderByDescending(c => c.ReceivedAt)
            .Select(c => new CaseRef(c.Id, c.Number, c.CustomerId, c.Status, c.Category, c.Priority))
            .FirstOrDefaultAsync(ct);
    }

    private async Task<IntakeResult?> ExistingAsync(string key, CancellationToken ct) =>
        await db.Cases.AsNoTracking().Where(c => c.DedupeKey == key)
            .Select(c => new IntakeResult(c.Id, c.Number, false)).FirstOrDefaultAsync(ct);

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
