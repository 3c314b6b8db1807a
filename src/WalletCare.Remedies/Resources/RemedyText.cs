namespace WalletCare.Remedies.Resources;

/// <summary>Marker for RemedyText.resx (zh-CN) and RemedyText.en-US.resx.</summary>
public sealed class RemedyText;
