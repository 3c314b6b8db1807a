namespace WalletCare.Wallet;

public sealed record LimitSet(long PerTransactionMinor, long DailyMinor, long MonthlyMinor);

/// <summary>Outgoing limits by verification level (KYC 0/1/2). Level 0 may only top up.</summary>
public sealed class WalletLimits
{
    public Dictionary<int, LimitSet> ByLevel { get; } = new()
    {
        [0] = new(0, 0, 0),
        [1] = new(200_000, 500_000, 2_000_000),          // ¥2,000 / ¥5,000 / ¥20,000
        [2] = new(5_000_000, 10_000_000, 20_000_000),    // ¥50,000 / ¥100,000 / ¥200,000
    };

    /// <summary>Refund to card: business days until it arrives (1–7).</summary>
    public int CardRefundBusinessDays { get; set; } = 3;

    public LimitSet For(int level) => ByLevel.TryGetValue(level, out var l) ? l : ByLevel[0];
}
