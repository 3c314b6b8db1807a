namespace WalletCare.Platform.Calendar;

/// <summary>
/// PRC public holidays and make-up workdays (调休). 2026 follows the State Council's notice for 2026;
/// 2027 is PROVISIONAL (built from the lunar dates, to be corrected by a supervisor in the calendar
/// editor when the notice is published). See docs/decisions.md.
/// </summary>
public static class PrcHolidays
{
    public static readonly IReadOnlyDictionary<DateOnly, DayKind> Days = Build();

    private static Dictionary<DateOnly, DayKind> Build()
    {
        var d = new Dictionary<DateOnly, DayKind>();
        void Off(int y, int m, int from, int to) { for (var i = from; i <= to; i++) d[new DateOnly(y, m, i)] = DayKind.Holiday; }
        void Work(int y, int m, int day) => d[new DateOnly(y, m, day)] = DayKind.Workday;

        // 2026
        Off(2026, 1, 1, 3); Work(2026, 1, 4);                         // 元旦
        Off(2026, 2, 15, 23); Work(2026, 2, 14); Work(2026, 2, 28);   // 春节
        Off(2026, 4, 4, 6);                                           // 清明节
        Off(2026, 5, 1, 5); Work(2026, 5, 9);                         // 劳动节
        Off(2026, 6, 19, 21);                                         // 端午节
        Off(2026, 9, 25, 27);                                         // 中秋节
        Off(2026, 10, 1, 7); Work(2026, 9, 20); Work(2026, 10, 10);   // 国庆节

        // 2027 (provisional)
        Off(2027, 1, 1, 3);                                           // 元旦
        Off(2027, 2, 5, 11); Work(2027, 2, 20);                       // 春节
        Off(2027, 4, 3, 5);                                           // 清明节
        Off(2027, 5, 1, 5); Work(2027, 4, 25);                        // 劳动节
        Off(2027, 6, 9, 9);                                           // 端午节
        Off(2027, 9, 15, 15);                                         // 中秋节
        Off(2027, 10, 1, 7); Work(2027, 9, 26); Work(2027, 10, 9);    // 国庆节
        return d;
    }
}

/// <summary>
/// Where areas get the calendar in force (built-in PRC days plus supervisor edits). Implemented by the
/// cases area, which owns the calendar_days table (WalletCare.Cases.Calendar.EditableCalendarProvider).
/// </summary>
public interface IBusinessCalendarProvider
{
    Task<BusinessCalendar> GetAsync(CancellationToken ct = default);
}
