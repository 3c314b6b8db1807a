namespace WalletCare.Server.Resources;

/// <summary>Marker for ProtectionUi.resx (zh-CN) and ProtectionUi.en-US.resx: freeze, "not me", unfreeze, step-up screens.</summary>
public sealed class ProtectionUi;
