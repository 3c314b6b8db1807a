using WalletCare.Wallet.Domain;
using Xunit;

namespace WalletCare.Wallet.Tests;

/// <summary>State changes live on WalletTransaction: each moves version and time and leaves exactly one trail entry.</summary>
public sealed class TransactionStateTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Opening_records_the_first_trail_entry_without_a_version_bump()
    {
        var tx = WalletTransaction.Open(Guid.NewGuid(), TxType.Payment, 100, "k", "h", T0, TxStatus.Succeeded, note: "n");
        var e = Assert.Single(tx.TakeUnsavedEvents());
        Assert.Equal((tx.Id, TxStatus.Succeeded, "n", T0), (e.TransactionId, e.Status, e.Note, e.At));
        Assert.Equal(0, tx.Version);
        Assert.Empty(tx.TakeUnsavedEvents());
    }

    [Fact]
    public void Fail_succeed_and_unknown_move_status_version_and_trail()
    {
        var tx = WalletTransaction.Open(Guid.NewGuid(), TxType.Topup, 100, "k", "h", T0);
        tx.TakeUnsavedEvents();
        tx.MarkUnknown(WalletErrors.Timeout, T0.AddMinutes(1));
        tx.MarkUnknown(WalletErrors.Timeout, T0.AddMinutes(2)); // asking again while unknown changes nothing
        Assert.Equal((TxStatus.Unknown, "TIMEOUT", 1, T0.AddMinutes(1)), (tx.Status, tx.FailureCode, tx.Version, tx.UpdatedAt));
        tx.Fail(WalletErrors.IssuerDeclined, T0.AddMinutes(3));
        tx.Note("refund.sent_to_bank", T0.AddMinutes(4));
        var events = tx.TakeUnsavedEvents();
        Assert.Equal([TxStatus.Unknown, TxStatus.Failed, TxStatus.Failed], events.Select(e => e.Status));
        Assert.Equal("ISSUER_DECLINED", events[1].Code);
        Assert.Equal("refund.sent_to_bank", events[2].Note);
        Assert.Equal(2, tx.Version);

        var ok = WalletTransaction.Open(Guid.NewGuid(), TxType.Refund, 100, "k2", "h", T0);
        ok.Succeed(T0.AddDays(3));
        Assert.Equal((TxStatus.Succeeded, (string?)null, 1), (ok.Status, ok.FailureCode, ok.Version));
    }
}
