namespace WalletCare.Platform.Errors;

/// <summary>
/// A stable problem code and the HTTP status it always answers with, declared once where the code is
/// defined (e.g. <c>WalletErrors.WalletFrozen = new("WALLET_FROZEN", 423)</c>), so no throw site picks a
/// status of its own. Converts to its code string where a code is stored (a transaction's failure code).
/// </summary>
public sealed record ErrorCode(string Code, int Status)
{
    public static implicit operator string(ErrorCode c) => c.Code;
    public override string ToString() => Code;
}
