using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using WalletCare.Platform.Http;
using WalletCare.Wallet.Domain;

namespace WalletCare.Wallet;

/// <summary>
/// Stamps new transaction rows with the session and address of the request that made them, so an agent
/// looking at "I did not make this" sees which device did. Only rows of the signed-in customer themselves:
/// the payee's transfer_in row or a remedy posted by staff is not "made" by that session.
/// </summary>
internal static class TransactionOrigins
{
    public static void Stamp(ChangeTracker tracker, HttpContext? http)
    {
        if (http is null) return;
        var user = http.User;
        if (!Guid.TryParse(user.FindFirstValue(WalletCareClaims.UserId), out var userId)) return;
        Guid? session = Guid.TryParse(user.FindFirstValue(WalletCareClaims.SessionId), out var sid) ? sid : null;
        var ip = http.Connection.RemoteIpAddress?.ToString();
        foreach (var e in tracker.Entries<WalletTransaction>().Where(e => e.State == EntityState.Added))
        {
            var tx = e.Entity;
            if (tx.CustomerId != userId || tx.SessionId is not null) continue;
            tx.SessionId = session;
            tx.ClientIp = ip is { Length: > 64 } ? ip[..64] : ip;
        }
    }
}
