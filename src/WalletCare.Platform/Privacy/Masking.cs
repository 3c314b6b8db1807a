namespace WalletCare.Platform.Privacy;

/// <summary>How personal data is shown to anyone but its owner's own profile: 138****0001, ****0009.</summary>
public static class Masking
{
    public static string? Phone(string? phone) =>
        phone is null ? null : phone.Length >= 7 ? phone[..3] + "****" + phone[^4..] : "****";

    public static string? Email(string? email)
    {
        if (email is null) return null;
        var at = email.IndexOf('@');
        return at <= 1 ? "***" + email[Math.Max(at, 0)..] : email[0] + "***" + email[at..];
    }

    public static string CardLast4(string last4) => "****" + last4;
}
