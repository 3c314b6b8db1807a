namespace WalletCare.Server.Resources;

/// <summary>Marker for NotificationsUi.resx (zh-CN) and NotificationsUi.en-US.resx: the bell and the notification pages.</summary>
public sealed class NotificationsUi;
