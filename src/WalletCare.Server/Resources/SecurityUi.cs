namespace WalletCare.Server.Resources;

/// <summary>Marker for SecurityUi.resx (zh-CN) and SecurityUi.en-US.resx: sign-in second step and the 账户安全 page.</summary>
public sealed class SecurityUi;
