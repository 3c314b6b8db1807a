using WalletCare.Platform.Modules;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet;

internal sealed class VerifyLedgerVerb(WalletDbContext db) : ICliVerb
{
    public string Name => "verify-ledger";
    public string Help => "recompute every ledger account from its transfers; exit 1 when the books do not balance";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var r = await LedgerVerifier.VerifyAsync(db, ct);
        output.WriteLine(r.Ok ? $"OK: {r.Accounts} accounts, {r.Transfers} transfers, books balance" : "BROKEN:");
        foreach (var p in r.Problems) output.WriteLine("  " + p);
        return r.Ok ? 0 : 1;
    }
}
