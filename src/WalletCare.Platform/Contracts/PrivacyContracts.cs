namespace WalletCare.Platform.Contracts;

// Personal-data export (SPEC §5, 个人信息导出): every area that stores something about a customer
// contributes its part; GET /api/v1/me/export (security area) puts them together under each Area name.

public interface IPersonalDataSource
{
    /// <summary>The key of this area's part in the export, e.g. "wallet".</summary>
    string Area { get; }
    /// <summary>Everything this area stores about the customer, as plain JSON-serialisable data; null when nothing.</summary>
    Task<object?> ExportAsync(Guid customerId, CancellationToken ct = default);
}
