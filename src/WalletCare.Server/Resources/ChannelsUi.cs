namespace WalletCare.Server.Resources;

/// <summary>Marker for ChannelsUi.resx (zh-CN) and ChannelsUi.en-US.resx: the hotline and the channel inbox.</summary>
public sealed class ChannelsUi;
