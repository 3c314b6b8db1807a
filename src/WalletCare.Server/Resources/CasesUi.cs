namespace WalletCare.Server.Resources;

/// <summary>Marker for CasesUi.resx (zh-CN) and CasesUi.en-US.resx.</summary>
public sealed class CasesUi;
