namespace WalletCare.Wallet.Resources;

/// <summary>Marker for WalletText.resx (zh-CN) / WalletText.en-US.resx: codes, explanations ("CODE.detail") and next steps ("CODE.next").</summary>
public sealed class WalletText;
