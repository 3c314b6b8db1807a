using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Wallet.Features;

/// <summary>DELETE /cards/{id}: deactivates, never deletes — past transactions still name the card.</summary>
public sealed class UnbindCardHandler(WalletDbContext db, IAuditLog audit)
{
    internal static async Task<NoContent> DeleteAsync(Guid id, UnbindCardHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.HandleAsync(user.UserId, id, ct);
        return TypedResults.NoContent();
    }

    public async Task HandleAsync(Guid customerId, Guid cardId, CancellationToken ct)
    {
        var n = await db.Cards.Where(c => c.Id == cardId && c.CustomerId == customerId && c.Active).ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, false), ct);
        if (n == 0) throw AppProblem.NotFound();
        await audit.WriteAsync(customerId.ToString(), "card.unbound", "card:" + cardId, null, ct);
    }
}
