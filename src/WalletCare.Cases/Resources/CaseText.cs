namespace WalletCare.Cases.Resources;

/// <summary>Marker for CaseText.resx (zh-CN) / CaseText.en-US.resx: error codes, categories, statuses, timeline texts.</summary>
public sealed class CaseText;
