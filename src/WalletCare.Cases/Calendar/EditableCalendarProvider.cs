using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Calendar;

namespace WalletCare.Cases.Calendar;

// The business calendar's edits live in this area's calendar_days table (supervisors edit it from the
// console), so this area implements the Platform contract that the wallet (refund dates) and the SLA
// engine both use. It is the only implementation: nothing is replaced behind anyone's back.
/// <summary>The calendar in force: built-in PRC days with supervisors' edits on top.</summary>
public sealed class EditableCalendarProvider(CasesDbContext db) : IBusinessCalendarProvider
{
    public async Task<BusinessCalendar> GetAsync(CancellationToken ct = default)
    {
        var edits = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return edits.Count == 0
            ? BusinessCalendar.Default
            : BusinessCalendar.Default.WithOverrides(edits.Select(e => new KeyValuePair<DateOnly, DayKind>(e.Date, e.Kind == "workday" ? DayKind.Workday : DayKind.Holiday)));
    }
}
