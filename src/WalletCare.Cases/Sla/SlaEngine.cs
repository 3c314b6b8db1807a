using WalletCare.Cases.Domain;
using WalletCare.Platform.Calendar;

namespace WalletCare.Cases.Sla;

/// <summary>
/// Clock arithmetic. Business-time clocks consume only business hours of the calendar;
/// around-the-clock clocks (P1, regulatory) consume calendar time. Pausing keeps what was consumed.
/// </summary>
public sealed class SlaEngine(SlaPolicies policies)
{
    public SlaClock Start(Guid caseId, string kind, TimeSpan budget, bool businessTime, DateTime now, BusinessCalendar cal)
    {
        var c = new SlaClock { CaseId = caseId, Kind = kind, BusinessTime = businessTime, BudgetTicks = budget.Ticks, SegmentStart = now };
        Recompute(c, now, cal);
        return c;
    }

    public TimeSpan Elapsed(SlaClock c, DateTime from, DateTime to, BusinessCalendar cal) =>
        c.BusinessTime ? cal.BusinessTimeBetween(from, to) : (to > from ? to - from : TimeSpan.Zero);

    public DateTime Add(SlaClock c, DateTime from, TimeSpan amount, BusinessCalendar cal) =>
        amount <= TimeSpan.Zero ? from : c.BusinessTime ? cal.AddBusinessTime(from, amount) : from + amount;

    /// <summary>Due and warning instants from the current segment; NextCheckAt for the sweeper.</summary>
    public void Recompute(SlaClock c, DateTime now, BusinessCalendar cal)
    {
        var remaining = TimeSpan.FromTicks(c.BudgetTicks - c.ConsumedTicks);
        var warnRemaining = TimeSpan.FromTicks((long)(c.BudgetTicks * policies.WarnAt) - c.ConsumedTicks);
        c.DueAt = Add(c, c.SegmentStart, remaining, cal);
        c.WarnAt = warnRemaining > TimeSpan.Zero ? Add(c, c.SegmentStart, warnRemaining, cal) : c.SegmentStart;
        c.NextCheckAt = NextCheck(c, cal);
    }

    public DateTime? NextCheck(SlaClock c, BusinessCalendar cal)
    {
        if (c.State != "running") return null;
        if (c.WarnedAt is null) return c.WarnAt;
        if (c.BreachedAt is null) return c.DueAt;
        // After a breach the clock escalates once more when it overruns by another full budget.
        return c.EscalatedLevel < 2 ? Add(c, c.DueAt, TimeSpan.FromTicks(c.BudgetTicks), cal) : null;
    }

    public void Pause(SlaClock c, DateTime now, BusinessCalendar cal)
    {
        if (c.State != "running") return;
        c.ConsumedTicks += Elapsed(c, c.SegmentStart, now, cal).Ticks;
        c.PausedAt = now;
        c.State = "paused";
        c.NextCheckAt = null;
    }

    public void Resume(SlaClock c, DateTime now, BusinessCalendar cal)
    {
        if (c.State != "paused") return;
        c.SegmentStart = now;
        c.PausedAt = null;
        c.State = "running";
        Recompute(c, now, cal);
    }

    public void Stop(SlaClock c, DateTime now)
    {
        c.State = "stopped";
        c.StoppedAt = now;
        c.NextCheckAt = null;
    }

    /// <summary>A new budget (priority changed or regulatory extension), keeping what was consumed.</summary>
    public void Rebudget(SlaClock c, TimeSpan budget, DateTime now, BusinessCalendar cal)
    {
        if (c.State == "running")
        {
            c.ConsumedTicks += Elapsed(c, c.SegmentStart, now, cal).Ticks;
            c.SegmentStart = now;
        }
        c.BudgetTicks = budget.Ticks;
        if (c.BreachedAt is not null && c.ConsumedTicks < c.BudgetTicks) c.BreachedAt = null;
        if (c.WarnedAt is not null && c.ConsumedTicks < c.BudgetTicks * policies.WarnAt) c.WarnedAt = null;
        if (c.State == "running") Recompute(c, now, cal);
    }
}
