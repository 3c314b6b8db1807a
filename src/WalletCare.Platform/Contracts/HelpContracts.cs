namespace WalletCare.Platform.Contracts;

// What the help area needs from other areas for staff search (issue #12). Implemented in WalletCare.Cases.

/// <summary>A case as the staff search indexes it: number, words the customer and staff wrote, and whose it is.</summary>
public sealed record CaseSearchDoc(Guid Id, string Number, Guid CustomerId, string Subject, string Description, string Messages,
    string Status, DateTime ReceivedAt, DateTime UpdatedAt);

public interface ICaseSearchFeed
{
    /// <summary>
    /// Cases with UpdatedAt at or after <paramref name="since"/>, oldest change first, at most <paramref name="limit"/>.
    /// The reader keeps the last UpdatedAt as its watermark; re-reading a case is harmless (it replaces it).
    /// </summary>
    Task<IReadOnlyList<CaseSearchDoc>> ChangedSinceAsync(DateTime since, int limit, CancellationToken ct = default);
}
