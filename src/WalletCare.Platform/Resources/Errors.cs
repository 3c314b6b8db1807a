namespace WalletCare.Platform.Resources;

/// <summary>Marker for Errors.resx (zh-CN, the neutral language) and Errors.en-US.resx.</summary>
public sealed class Errors;
