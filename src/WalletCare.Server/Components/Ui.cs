using System.Globalization;
using WalletCare.Platform.Calendar;

namespace WalletCare.Server.Components;

/// <summary>Small display helpers shared by pages: times in Asia/Shanghai, money from minor units.</summary>
public static class Ui
{
    public static string Local(DateTime? utc) =>
        utc is null ? "—" : BusinessCalendar.ToLocal(utc.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Money(long minor, string currency = "CNY") => new Platform.Money.Money(minor, currency).Format();
}
