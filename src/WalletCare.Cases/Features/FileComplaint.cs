using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Sla;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Cases.Features;

public sealed record NewComplaint(string? Category, string? Subject, string? Description, IReadOnlyList<Guid>? TransactionIds, string? DesiredOutcome);

/// <summary>POST /api/v1/complaints — a customer files a complaint (also the web form and the demo seeder).</summary>
public static class FileComplaint
{
    public static async Task<Created<ComplaintDto>> Endpoint(NewComplaint req, FileComplaintHandler handler, CasesQueries queries, CurrentUser user,
        HttpContext http, CancellationToken ct)
    {
        var channel = http.User.HasClaim(c => c.Type == WalletCareClaims.ViaCookie) ? "web" : "app";
        var c = await handler.HandleAsync(user.UserId, req, channel, ct);
        return TypedResults.Created($"/api/v1/complaints/{c.Id}", await queries.ReadAsync(c, false, ct));
    }
}

/// <summary>Who filed a case and under what terms: the customer's own form, or another area through <see cref="ICaseIntake"/>.</summary>
public sealed record IntakeTerms(Actor Actor, string? MinimumPriority = null, string? DedupeKey = null);

public sealed class FileComplaintHandler(CaseStore store, PriorityRules priorities, IWalletQueries wallet, CaseNumbers numbers)
{
    public Task<Case> HandleAsync(Guid customerId, NewComplaint r, string channel, CancellationToken ct, DateTime? receivedAt = null) =>
        HandleAsync(customerId, r, channel, new IntakeTerms(new Actor(customerId, Roles.Customer)), ct, receivedAt);

    public async Task<Case> HandleAsync(Guid customerId, NewComplaint r, string channel, IntakeTerms terms, CancellationToken ct, DateTime? receivedAt = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Category is null || !CaseCategories.All.Contains(r.Category)) errors["category"] = ["field.invalid"];
        Text.Check(errors, "subject", r.Subject, 200);
        Text.Check(errors, "description", r.Description, 4000, multiline: true);
        Text.Check(errors, "desiredOutcome", r.DesiredOutcome, 1000, required: false, multiline: true);
        if (!CaseChannels.All.Contains(channel)) errors["channel"] = ["field.invalid"];
        var txIds = (r.TransactionIds ?? []).Distinct().ToList();
        if (txIds.Count > 20) errors["transactionIds"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);

        var txs = txIds.Count == 0 ? [] : await wallet.GetTransactionsAsync(customerId, txIds, ct);
        if (txs.Count != txIds.Count) throw AppProblem.Validation("transactionIds", "field.not_your_transaction");

        var db = store.Db;
        var now = receivedAt ?? store.Now;
        var since = now - priorities.RepeatWindow;
        var repeat = await db.Cases.AnyAsync(c => c.CustomerId == customerId && c.ReceivedAt >= since && c.MergedIntoId == null, ct)
            || (txIds.Count > 0 && await db.CaseTransactions.AnyAsync(ct2 => txIds.Contains(ct2.TransactionId), ct));
        var amount = txs.Sum(t => t.AmountMinor);
        var priority = PriorityRules.Name(priorities.Decide(r.Category!, amount, repeat));
        // A caller may raise the priority (a freeze is always P1) but never lower what the rules decided.
        if (terms.MinimumPriority is { } min && string.CompareOrdinal(min, priority) < 0) priority = min;

        // The number comes from this node's reserved block, before anything is written: the case, its links,
        // clocks, "created" entry and audit line then go in ONE SaveChanges (one transaction, no counter lock).
        var number = await numbers.NextAsync(db, BusinessCalendar.ToLocal(now).Year, ct);
        var c = new Case
        {
            Number = number, CustomerId = customerId, Category = r.Category!, Channel = channel, Subject = r.Subject!.Trim(),
            Description = r.Description!.Trim(), DesiredOutcome = r.DesiredOutcome?.Trim(), Priority = priority, AmountInvolvedMinor = amount,
            ReceivedAt = now, UpdatedAt = now, RegulatoryDueAt = now + store.Policies.RegulatoryDeadline, Team = CaseTeams.For(r.Category!),
            DedupeKey = terms.DedupeKey,
        };
        db.Cases.Add(c);
        foreach (var id in txIds) db.CaseTransactions.Add(new CaseTransaction { CaseId = c.Id, TransactionId = id });
        var clocks = await store.ClocksAsync(c, ct);
        var policy = store.Policies.For(priority);
        db.Clocks.Add(store.Sla.Start(c.Id, ClockKind.FirstResponse, policy.FirstResponse, !policy.AroundTheClock, now, clocks.Calendar));
        db.Clocks.Add(store.Sla.Start(c.Id, ClockKind.Resolution, policy.Resolution, !policy.AroundTheClock, now, clocks.Calendar));
        db.Clocks.Add(store.Sla.Start(c.Id, ClockKind.Regulatory, store.Policies.RegulatoryDeadline, false, now, clocks.Calendar));
        store.Add(c.Record(terms.Actor, TimelineKinds.Created, true, now, new TimelineArgs
        {
            Category = c.Category, Channel = c.Channel, Priority = c.Priority, TransactionIds = txIds, Repeat = repeat, AmountInvolvedMinor = amount,
        }, c.Description));
        await store.RefreshDueAsync(c, ct);
        db.RecordAudit(now, terms.Actor.Id?.ToString() ?? "system", "case.created", "case:" + c.Id, new { c.Number, c.Category, c.Priority, c.Channel });
        await db.SaveChangesAsync(ct);
        return c;
    }
}
