namespace WalletCare.Server.Resources;

/// <summary>Marker for UiText.resx (zh-CN) and UiText.en-US.resx: every word the UI shows.</summary>
public sealed class UiText;
