namespace WalletCare.Platform.Http;

/// <summary>Authorization policy names, defined by the security area and required by every area's routes.</summary>
public static class Policies
{
    public const string Customer = "customer";
    public const string Staff = "staff";
    public const string Supervisor = "supervisor";
    public const string Compliance = "compliance";
    public const string Admin = "admin";
}
