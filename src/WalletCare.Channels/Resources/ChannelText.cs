namespace WalletCare.Channels.Resources;

/// <summary>Marker for ChannelText.resx (zh-CN) and ChannelText.en-US.resx.</summary>
public sealed class ChannelText;
