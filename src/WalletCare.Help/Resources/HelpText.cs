namespace WalletCare.Help.Resources;

/// <summary>Marker for HelpText.resx (zh-CN) / HelpText.en-US.resx: error codes, topic names, troubleshooter texts.</summary>
public sealed class HelpText;
