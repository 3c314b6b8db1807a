namespace WalletCare.Server.Resources;

/// <summary>Marker for HelpUi.resx (zh-CN) and HelpUi.en-US.resx: the help centre's pages.</summary>
public sealed class HelpUi;
