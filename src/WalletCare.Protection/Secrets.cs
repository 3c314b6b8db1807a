using System.Security.Cryptography;
using System.Text;
using WalletCare.Platform.Errors;

namespace WalletCare.Protection;

/// <summary>Phone numbers and one-time codes: normalised, hashed, compared in constant time.</summary>
internal static class Secrets
{
    /// <summary>13800000001, +86 138 0000 0001, 0086-138-0000-0001 and (138) 0000-0001 are the same mainland mobile number.</summary>
    public static string NormalisePhone(string? raw)
    {
        var digits = new string((raw ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        if (digits.Length != 11 || digits[0] != '1' || (raw ?? "").Length > 40) throw AppProblem.Validation("phone", "field.invalid");
        return digits;
    }

    public static string Hash(params object[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))));

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static bool Matches(string storedHash, params object[] parts) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(parts)));
}
