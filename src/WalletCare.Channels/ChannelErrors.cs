using WalletCare.Platform.Errors;

namespace WalletCare.Channels;

public static class ChannelErrors
{
    /// <summary>Wrong or missing signature/secret, or a timestamp outside the 5-minute window: nothing is stored.</summary>
    public static readonly ErrorCode BadSignature = new("CHANNEL_SIGNATURE_INVALID", 401);
    public static readonly ErrorCode UnknownSource = new("CHANNEL_SOURCE_UNKNOWN", 404);
    public static readonly ErrorCode BadMessage = new("CHANNEL_MESSAGE_INVALID", 400);
    public static readonly ErrorCode SourceExists = new("CHANNEL_SOURCE_EXISTS", 409);
    public static readonly ErrorCode AlreadyMatched = new("CHANNEL_ITEM_ALREADY_MATCHED", 409);
}
