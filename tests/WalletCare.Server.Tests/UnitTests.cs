using WalletCare.Platform.Calendar;
using WalletCare.Platform.Money;
using WalletCare.Platform.Paging;
using WalletCare.Server.Hosting;
using Xunit;

namespace WalletCare.Server.Tests;

public sealed class LaunchArgumentTests
{
    [Fact]
    public void Demo_is_a_bare_flag_in_any_position()
    {
        foreach (var args in new[] { new[] { "--demo", "--urls", "http://127.0.0.1:5999" }, ["--urls", "http://127.0.0.1:5999", "--demo"] })
        {
            var (rest, demo) = LaunchArguments.Extract(args);
            Assert.True(demo);
            Assert.Equal(["--urls", "http://127.0.0.1:5999"], rest);
        }
    }

    [Fact]
    public void Without_the_flag_demo_is_off()
    {
        var (rest, demo) = LaunchArguments.Extract(["migrate"]);
        Assert.Equal(["migrate"], rest);
        Assert.Equal(bool.TryParse(Environment.GetEnvironmentVariable("WalletCare__Demo"), out var d) && d, demo);
    }
}

public sealed class MoneyAndCursorTests
{
    [Fact]
    public void Money_formats_without_floating_point_and_refuses_mixed_currencies()
    {
        Assert.Equal("¥1,234.05", Money.Cny(123405).Format());
        Assert.Equal("-¥0.09", Money.Cny(-9).Format());
        Assert.Equal(Money.Cny(300), Money.Cny(100) + Money.Cny(200));
        Assert.Throws<InvalidOperationException>(() => Money.Cny(1) + new Money(1, "USD"));
    }

    [Fact]
    public void Cursor_round_trips_and_rejects_garbage()
    {
        var t = new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);
        Assert.True(Cursor.TryDecode(Cursor.Encode(t, "abc"), out DateTime key, out var id));
        Assert.Equal((t, "abc"), (key, id));
        Assert.False(Cursor.TryDecode("%%%not-base64", out string _, out _));
        Assert.Equal(100, Cursor.Limit(5000));
        Assert.Equal(1, Cursor.Limit(0));
    }
}

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Default;
    private static DateTime Local(int y, int m, int d, int h, int min = 0) => BusinessCalendar.ToUtc(new DateTime(y, m, d, h, min, 0));

    [Fact]
    public void Friday_17_00_plus_4_business_hours_is_Monday_12_00()
    {
        Assert.Equal(Local(2026, 11, 23, 12), Cal.AddBusinessTime(Local(2026, 11, 20, 17), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void National_day_holiday_and_make_up_workday_are_respected()
    {
        // Wed 2026-09-30 17:00 + 4h: Oct 1–7 are holidays (Oct 3-4 weekend inside), Oct 8 (Thu) is the next business day.
        Assert.Equal(Local(2026, 10, 8, 12), Cal.AddBusinessTime(Local(2026, 9, 30, 17), TimeSpan.FromHours(4)));
        // Fri 2026-10-09 17:00 + 4h: Sat Oct 10 is a make-up workday (调休).
        Assert.Equal(Local(2026, 10, 10, 12), Cal.AddBusinessTime(Local(2026, 10, 9, 17), TimeSpan.FromHours(4)));
        Assert.True(Cal.IsBusinessDay(new DateOnly(2026, 9, 20)));   // Sunday make-up workday
        Assert.False(Cal.IsBusinessDay(new DateOnly(2026, 10, 5)));  // Monday holiday
    }

    [Fact]
    public void Business_days_and_elapsed_business_time()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), Cal.AddBusinessDays(new DateOnly(2026, 11, 25), 3)); // Wed + 3 → Mon
        Assert.Equal(TimeSpan.FromHours(4), Cal.BusinessTimeBetween(Local(2026, 11, 20, 17), Local(2026, 11, 23, 12)));
        Assert.Equal(TimeSpan.Zero, Cal.BusinessTimeBetween(Local(2026, 11, 21, 10), Local(2026, 11, 22, 20)));
    }

    [Fact]
    public void Supervisor_edits_override_the_built_in_days()
    {
        var edited = Cal.WithOverrides([new(new DateOnly(2026, 11, 23), DayKind.Holiday)]);
        Assert.Equal(Local(2026, 11, 24, 12), edited.AddBusinessTime(Local(2026, 11, 20, 17), TimeSpan.FromHours(4)));
    }
}
