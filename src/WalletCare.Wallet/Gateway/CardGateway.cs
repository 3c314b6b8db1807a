using System.Security.Cryptography;
using System.Text;

namespace WalletCare.Wallet.Gateway;

public enum GatewayOutcome { Approved, Declined, Timeout }

public sealed record GatewayResult(GatewayOutcome Outcome, string? Code, string? Reference)
{
    public static GatewayResult Ok(string reference) => new(GatewayOutcome.Approved, null, reference);
    public static GatewayResult Decline(string code) => new(GatewayOutcome.Declined, code, null);
}

public sealed record TokenizeResult(string? Token, string? Code, string Brand, string Bank, string Last4);

/// <summary>
/// What a real acquirer adapter implements. The only simulated part of WalletCare is the
/// implementation behind this interface (<see cref="SimulatedCardGateway"/>).
/// </summary>
public interface ICardGateway
{
    /// <summary>Verifies card data and vaults it; we keep only the token.</summary>
    TokenizeResult Tokenize(string number, string expiry, string cvv, DateTime now);
    GatewayResult Charge(string token, string expiry, long amountMinor, string reference, DateTime now);
    GatewayResult Payout(string token, string expiry, long amountMinor, string reference, DateTime now);
    /// <summary>Asks the bank what became of a request whose answer was lost (never charges again).</summary>
    GatewayResult Query(string reference, DateTime now);
}

/// <summary>Behaviour by test card (SPEC §4). Tokens carry the test card's last four digits.</summary>
public sealed class SimulatedCardGateway : ICardGateway
{
    public static readonly TimeSpan TimeoutSettlesAfter = TimeSpan.FromMinutes(2);
    private readonly Dictionary<string, DateTime> _timedOut = new();
    private readonly Lock _gate = new();

    public TokenizeResult Tokenize(string number, string expiry, string cvv, DateTime now)
    {
        var digits = new string(number.Where(char.IsDigit).ToArray());
        var last4 = digits.Length >= 4 ? digits[^4..] : digits;
        var (brand, bank) = Bin(digits);
        if (digits.Length is < 12 or > 19 || !Luhn(digits) || cvv.Length is < 3 or > 4 || !cvv.All(char.IsDigit) || !TryExpiry(expiry, out _))
            return new(null, WalletErrors.BadCardData, brand, bank, last4);
        if (cvv == "000") return new(null, WalletErrors.BadCardData, brand, bank, last4);
        if (IsExpired(expiry, now)) return new(null, WalletErrors.CardExpired, brand, bank, last4);
        var token = "simtok_" + last4 + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(digits + expiry + Guid.NewGuid())))[..20];
        return new(token, null, brand, bank, last4);
    }

    public GatewayResult Charge(string token, string expiry, long amountMinor, string reference, DateTime now) => Decide(token, expiry, amountMinor, reference, now);
    public GatewayResult Payout(string token, string expiry, long amountMinor, string reference, DateTime now) => Decide(token, expiry, amountMinor, reference, now);

    public GatewayResult Query(string reference, DateTime now)
    {
        lock (_gate)
        {
            if (_timedOut.TryGetValue(reference, out var at))
                return now - at >= TimeoutSettlesAfter ? GatewayResult.Ok("sim-" + reference) : new GatewayResult(GatewayOutcome.Timeout, WalletErrors.Timeout, null);
        }
        // The simulator forgot (restart): the TIMEOUT card always settles as succeeded.
        return GatewayResult.Ok("sim-" + reference);
    }

    private GatewayResult Decide(string token, string expiry, long amountMinor, string reference, DateTime now)
    {
        if (IsExpired(expiry, now)) return GatewayResult.Decline(WalletErrors.CardExpired);
        var last4 = token.StartsWith("simtok_", StringComparison.Ordinal) ? token.Substring(7, 4) : "";
        switch (last4)
        {
            case "0017": return GatewayResult.Decline(WalletErrors.InsufficientFunds);
            case "0025": return GatewayResult.Decline(WalletErrors.IssuerDeclined);
            case "0033" when amountMinor > 500_000: return GatewayResult.Decline(WalletErrors.CardLimitExceeded);
            case "0041":
                lock (_gate) _timedOut[reference] = now;
                return new GatewayResult(GatewayOutcome.Timeout, WalletErrors.Timeout, null);
            case "0058": return GatewayResult.Decline(WalletErrors.NetworkError);
            case "0066": return GatewayResult.Decline(WalletErrors.RiskBlocked);
            case "0074": return GatewayResult.Decline(WalletErrors.CardLostOrStolen);
            default: return GatewayResult.Ok("sim-" + reference);
        }
    }

    public static bool Luhn(string digits)
    {
        var sum = 0;
        var dbl = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (dbl) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    public static bool TryExpiry(string expiry, out (int Month, int Year) value)
    {
        value = default;
        var parts = expiry.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var m) || !int.TryParse(parts[1], out var y) || m is < 1 or > 12 || parts[1].Length != 2) return false;
        value = (m, 2000 + y);
        return true;
    }

    /// <summary>A card is valid through the last day of its expiry month (Asia/Shanghai).</summary>
    public static bool IsExpired(string expiry, DateTime nowUtc)
    {
        if (!TryExpiry(expiry, out var e)) return true;
        var local = Platform.Calendar.BusinessCalendar.ToLocal(nowUtc);
        return local.Year > e.Year || (local.Year == e.Year && local.Month > e.Month);
    }

    private static (string Brand, string Bank) Bin(string digits) => digits switch
    {
        _ when digits.StartsWith("622200", StringComparison.Ordinal) => ("UnionPay", "ICBC"),
        _ when digits.StartsWith('4') => ("Visa", ""), // an unknown issuer shows no bank rather than the word "Unknown" (issue #17)
        _ when digits.StartsWith('5') => ("Mastercard", ""),
        _ when digits.StartsWith("62", StringComparison.Ordinal) => ("UnionPay", ""),
        _ => ("Card", ""),
    };
}
