namespace WalletCare.Protection;

/// <summary>Bound from "Protection". Thresholds in fen.</summary>
public sealed class ProtectionOptions
{
    public StepUpOptions StepUp { get; set; } = new();
    public int CodeRequestsPerPhonePerHour { get; set; } = 5;
    public int CodeRequestsPerAddressPerHour { get; set; } = 20;
    public int CodeAttempts { get; set; } = 5;
    public int CodeMinutes { get; set; } = 10;
}

public sealed class StepUpOptions
{
    /// <summary>A single withdrawal or transfer of this much or more needs a second factor (¥2,000).</summary>
    public long SingleMinor { get; set; } = 200_000;
    /// <summary>One that takes the day's outgoing total over this needs it too (¥10,000).</summary>
    public long DailyMinor { get; set; } = 1_000_000;
}
