using WalletCare.Platform.Errors;

namespace WalletCare.Notifications;

public static class NotificationErrors
{
    /// <summary>Security alerts and verification codes cannot be switched off on any channel.</summary>
    public static readonly ErrorCode PreferenceLocked = new("NOTIFICATION_PREFERENCE_LOCKED", 422);
}
