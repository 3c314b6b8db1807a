namespace WalletCare.Server.Resources;

/// <summary>Marker for ConsoleUi.resx (zh-CN) and ConsoleUi.en-US.resx: the staff console.</summary>
public sealed class ConsoleUi;
