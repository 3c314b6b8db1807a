namespace WalletCare.Server.Resources;

/// <summary>Marker for WalletUi.resx (zh-CN) and WalletUi.en-US.resx.</summary>
public sealed class WalletUi;
