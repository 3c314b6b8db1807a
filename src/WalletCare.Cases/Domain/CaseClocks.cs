using WalletCare.Cases.Sla;
using WalletCare.Platform.Calendar;

namespace WalletCare.Cases.Domain;

/// <summary>
/// A case's SLA clocks with the engine, policy and calendar that move them, loaded once per change so the
/// status rules on <see cref="Case"/> can run without a database (and be tested without one).
/// </summary>
public sealed class CaseClocks(IReadOnlyList<SlaClock> clocks, SlaEngine sla, SlaPolicies policies, BusinessCalendar calendar)
{
    public IReadOnlyList<SlaClock> All => clocks;
    public SlaEngine Engine => sla;
    public SlaPolicies Policies => policies;
    public BusinessCalendar Calendar => calendar;

    public SlaClock? Get(string kind) => clocks.FirstOrDefault(x => x.Kind == kind);

    public void StopAll(DateTime now)
    {
        foreach (var clock in clocks.Where(x => x.State != "stopped")) sla.Stop(clock, now);
    }

    /// <summary>A fresh run of a stopped clock with a new budget (next response after a customer message, resolution after reopening).</summary>
    public void Restart(SlaClock clock, TimeSpan budget, DateTime now)
    {
        clock.State = "running";
        clock.StoppedAt = null;
        clock.PausedAt = null;
        clock.ConsumedTicks = 0;
        clock.BudgetTicks = budget.Ticks;
        clock.WarnedAt = null;
        clock.BreachedAt = null;
        clock.SegmentStart = now;
        sla.Recompute(clock, now, calendar);
    }
}
