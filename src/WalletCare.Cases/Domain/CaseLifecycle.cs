using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;

namespace WalletCare.Cases.Domain;

/// <summary>
/// What a case does to itself when its status or priority changes: the transition rule, the SLA clock
/// effects and the timeline entry, in one place (every caller — API, pages, survey, sweeper, merge — goes
/// through <see cref="ChangeStatus"/>, so a clock can never be left running on a closed case).
/// </summary>
public sealed partial class Case
{
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(30);

    /// <summary>The sort key of cases that have nothing due (resolved, closed).</summary>
    public static readonly DateTime NoDue = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <param name="reason">What a person typed, shown as written.</param>
    /// <param name="reasonCode">A machine reason (auto_closed_after_7_days, merged …), rendered as words.</param>
    public CaseEvent ChangeStatus(string to, Actor actor, DateTime now, CaseClocks clocks, string? reason = null, string? reasonCode = null)
    {
        if (!CaseStatus.CanMove(Status, to)) throw new AppProblem(CaseErrors.InvalidTransition, Status, to);
        var from = Status;
        Status = to;
        IsOpen = CaseStatus.IsOpenStatus(to);
        var sla = clocks.Engine;
        var resolution = clocks.Get(ClockKind.Resolution);
        if (resolution is not null)
        {
            // Waiting on the customer is not our time: SPEC §7 pauses the resolution clock only.
            if (to == CaseStatus.PendingCustomer) sla.Pause(resolution, now, clocks.Calendar);
            else if (from == CaseStatus.PendingCustomer && IsOpen) sla.Resume(resolution, now, clocks.Calendar);
        }
        if (to == CaseStatus.Resolved) { ResolvedAt = now; clocks.StopAll(now); }
        if (to == CaseStatus.Closed) { ClosedAt = now; clocks.StopAll(now); }
        if (to == CaseStatus.Reopened && resolution is not null)
        {
            ResolvedAt = null;
            ClosedAt = null;
            // Whatever was left of the resolution budget, but never less than one response window.
            var left = Math.Max(resolution.BudgetTicks - resolution.ConsumedTicks, clocks.Policies.For(Priority).FirstResponse.Ticks);
            clocks.Restart(resolution, TimeSpan.FromTicks(left), now);
            // The regulatory clock never pauses; it only runs again if its deadline is still ahead.
            if (clocks.Get(ClockKind.Regulatory) is { BreachedAt: null } reg && now < RegulatoryDueAt)
            {
                reg.State = "running";
                reg.StoppedAt = null;
                sla.Recompute(reg, now, clocks.Calendar);
            }
        }
        return Record(actor, TimelineKinds.StatusChange, true, now, new TimelineArgs { From = from, To = to, ReasonCode = reasonCode }, reason ?? "");
    }

    /// <summary>A new priority re-budgets the running response and resolution clocks (never the regulatory one).</summary>
    public void ChangePriority(string priority, DateTime now, CaseClocks clocks)
    {
        Priority = priority;
        var policy = clocks.Policies.For(priority);
        foreach (var clock in clocks.All.Where(x => x.Kind != ClockKind.Regulatory && x.State != "stopped"))
        {
            clock.BusinessTime = !policy.AroundTheClock;
            clocks.Engine.Rebudget(clock, clock.Kind == ClockKind.Resolution ? policy.Resolution : policy.FirstResponse, now, clocks.Calendar);
        }
    }

    /// <summary>A timeline entry for this case; the caller adds it to the context with the rest of the change.</summary>
    public CaseEvent Record(Actor actor, string kind, bool isPublic, DateTime now, TimelineArgs args, string body = "")
    {
        UpdatedAt = now;
        return new CaseEvent
        {
            CaseId = Id, At = now, ActorId = actor.Id, ActorRole = actor.Role, Kind = kind, Public = isPublic, Body = body,
            DataJson = args == TimelineArgs.None ? null : args.ToJson(),
        };
    }

    /// <summary>NextDueAt = the earliest running clock; the queue sorts by it.</summary>
    public void RefreshDue(IEnumerable<SlaClock> clocks)
    {
        var mine = clocks.Where(x => x.CaseId == Id).ToList();
        // Never null, so the queue's ORDER BY NextDueAt walks an index on both databases:
        // open cases fall back to the regulatory deadline, finished ones sort last.
        NextDueAt = !IsOpen ? NoDue
            : mine.Where(x => x.State == "running" && x.Kind != ClockKind.Regulatory).Select(x => (DateTime?)x.DueAt).Min() ?? RegulatoryDueAt;
        AtRisk = mine.Any(x => x.State == "running" && x.WarnedAt is not null);
        Breached = mine.Any(x => x.BreachedAt is not null && x.State != "stopped");
    }

    public bool CanReopenAt(DateTime now) =>
        Status is CaseStatus.Resolved or CaseStatus.Closed && (ResolvedAt ?? ClosedAt) is { } since && now - since <= ReopenWindow;
}
