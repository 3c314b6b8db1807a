using System.Globalization;
using WalletCare.Platform.Calendar;

namespace WalletCare.Server.Components;

/// <summary>Small display helpers shared by pages: times in Asia/Shanghai, money from minor units.</summary>
public static class Ui
{
    public static string Local(DateTime? utc) =>
        utc is null ? "—" : BusinessCalendar.ToLocal(utc.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Money(long minor, string currency = "CNY") => new Platform.Money.Money(minor, currency).Format();

    /// <summary>Money leaving the wallet reads "−¥12.34", money arriving "+¥12.34" (issue #17).</summary>
    public static bool Outgoing(string type) =>
        type is Wallet.Domain.TxType.Payment or Wallet.Domain.TxType.TransferOut or Wallet.Domain.TxType.Withdrawal or Wallet.Domain.TxType.Reversal;

    public static string Signed(string type, long minor, string currency = "CNY") => (Outgoing(type) ? "−" : "+") + Money(minor, currency);
}
