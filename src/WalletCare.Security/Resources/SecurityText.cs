namespace WalletCare.Security.Resources;

/// <summary>Marker for SecurityText.resx (zh-CN) and SecurityText.en-US.resx.</summary>
public sealed class SecurityText;
