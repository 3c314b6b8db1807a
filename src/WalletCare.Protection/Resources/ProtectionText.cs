namespace WalletCare.Protection.Resources;

/// <summary>Marker for ProtectionText.resx (zh-CN) / ProtectionText.en-US.resx: error codes and SMS texts.</summary>
public sealed class ProtectionText;
