namespace WalletCare.Platform.Calendar;

public enum DayKind { Holiday, Workday }

/// <summary>
/// Business hours in Asia/Shanghai (Mon–Fri 09:00–18:00 by default) with public holidays and
/// make-up workdays (调休) as overrides. All inputs and outputs are UTC instants unless named local.
/// </summary>
public sealed class BusinessCalendar
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly IReadOnlyDictionary<DateOnly, DayKind> _overrides;

    public BusinessCalendar(IReadOnlyDictionary<DateOnly, DayKind> overrides, TimeOnly? open = null, TimeOnly? close = null)
    {
        _overrides = overrides;
        Open = open ?? new TimeOnly(9, 0);
        Close = close ?? new TimeOnly(18, 0);
        if (Close <= Open) throw new ArgumentException("close must be after open");
    }

    /// <summary>The built-in PRC calendar (see <see cref="PrcHolidays"/>).</summary>
    public static BusinessCalendar Default { get; } = new(PrcHolidays.Days);

    public TimeOnly Open { get; }
    public TimeOnly Close { get; }
    public IReadOnlyDictionary<DateOnly, DayKind> Overrides => _overrides;

    public BusinessCalendar WithOverrides(IEnumerable<KeyValuePair<DateOnly, DayKind>> edits)
    {
        var merged = new Dictionary<DateOnly, DayKind>(_overrides);
        foreach (var (d, k) in edits) merged[d] = k;
        return new BusinessCalendar(merged, Open, Close);
    }

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Shanghai);
    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Shanghai);

    public bool IsBusinessDay(DateOnly day) =>
        _overrides.TryGetValue(day, out var kind) ? kind == DayKind.Workday : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The instant when <paramref name="duration"/> of business time has elapsed after <paramref name="utcStart"/>.</summary>
    public DateTime AddBusinessTime(DateTime utcStart, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration));
        var local = ToLocal(utcStart);
        var remaining = duration;
        for (var guard = 0; guard < 3660; guard++)
        {
            var day = DateOnly.FromDateTime(local);
            var t = TimeOnly.FromDateTime(local);
            if (!IsBusinessDay(day) || t >= Close)
            {
                local = day.AddDays(1).ToDateTime(Open);
                continue;
            }
            if (t < Open) local = day.ToDateTime(Open);
            var available = day.ToDateTime(Close) - local;
            if (remaining <= available) return ToUtc(local + remaining);
            remaining -= available;
            local = day.AddDays(1).ToDateTime(Open);
        }
        throw new InvalidOperationException("no business days within ten years");
    }

    /// <summary>Business time elapsed between two instants (zero when b ≤ a).</summary>
    public TimeSpan BusinessTimeBetween(DateTime utcA, DateTime utcB)
    {
        if (utcB <= utcA) return TimeSpan.Zero;
        var a = ToLocal(utcA);
        var b = ToLocal(utcB);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(a); day <= DateOnly.FromDateTime(b); day = day.AddDays(1))
        {
            if (!IsBusinessDay(day)) continue;
            var from = Max(day.ToDateTime(Open), a);
            var to = Min(day.ToDateTime(Close), b);
            if (to > from) total += to - from;
        }
        return total;
    }

    /// <summary>The business day <paramref name="days"/> business days after <paramref name="start"/> (T+n).</summary>
    public DateOnly AddBusinessDays(DateOnly start, int days)
    {
        var d = start;
        for (var n = 0; n < days;)
        {
            d = d.AddDays(1);
            if (IsBusinessDay(d)) n++;
        }
        return d;
    }

    /// <summary>End of business (local close time) on a day, as UTC — used for "expected by" dates.</summary>
    public DateTime EndOfBusinessUtc(DateOnly day) => ToUtc(day.ToDateTime(Close));

    private static DateTime Max(DateTime x, DateTime y) => x > y ? x : y;
    private static DateTime Min(DateTime x, DateTime y) => x < y ? x : y;
}
