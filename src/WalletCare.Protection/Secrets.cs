using System.Security.Cryptography;
using System.Text;
using WalletCare.Platform.Errors;

namespace WalletCare.Protection;

/// <summary>Phone numbers and one-time codes: normalised, hashed, compared in constant time.</summary>
internal static class Secrets
{
    /// <summary>13800000001, +86 138 0000 0001, 0086-138-0000-0001 and (138) 0000-0001 are the same mainland mobile number.</summary>
    /// <summary>A mainland mobile number in any written form (Platform's one normaliser), or a validation problem.</summary>
    public static string NormalisePhone(string? raw) =>
        WalletCare.Platform.Privacy.Phones.Normalize(raw) is { Length: 11 } p && p[0] == '1' ? p : throw AppProblem.Validation("phone", "field.invalid");

    public static string Hash(params object[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))));

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static bool Matches(string storedHash, params object[] parts) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(parts)));
}
