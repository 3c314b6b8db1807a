namespace WalletCare.Cases.Resources;

/// <summary>Marker for CaseNoticeText.resx (zh-CN) and CaseNoticeText.en-US.resx: what the customer is told about their case.</summary>
public sealed class CaseNoticeText;
