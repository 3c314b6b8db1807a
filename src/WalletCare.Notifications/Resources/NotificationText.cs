namespace WalletCare.Notifications.Resources;

/// <summary>Marker for NotificationText.resx (zh-CN) and NotificationText.en-US.resx.</summary>
public sealed class NotificationText;
