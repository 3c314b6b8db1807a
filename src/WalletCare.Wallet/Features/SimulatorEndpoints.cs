using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Gateway;
using WalletCare.Wallet.Jobs;

namespace WalletCare.Wallet.Features;

/// <summary>
/// Demo-only (mapped with --demo): drive every state a tester needs — a merchant refunds a payment,
/// a refund to card arrives or fails, an unknown gateway result settles. Customers may act on their
/// own transactions only; staff on any.
/// </summary>
public static class SimulatorEndpoints
{
    public sealed record SimRefundRequest(long AmountMinor, bool ToCard = true);

    public static void MapSimulator(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/sim").RequireAuthorization().WithTags("Simulator (demo only)");
        g.MapPost("/payments/{id:guid}/refund", RefundPaymentAsync);
        g.MapPost("/refunds/{id:guid}/settle", SettleRefundAsync);
        g.MapPost("/refunds/{id:guid}/fail", FailRefundAsync);
        g.MapPost("/transactions/{id:guid}/settle-unknown", SettleUnknownAsync);
    }

    private static async Task<Created<TransactionDto>> RefundPaymentAsync(Guid id, SimRefundRequest req, RefundPaymentHandler refunds, WalletDbContext db,
        CurrentUser user, TransactionExplainer x, CancellationToken ct)
    {
        await OwnAsync(db, user, id, ct);
        var t = await refunds.HandleAsync(id, new RefundRequest(req.AmountMinor, req.ToCard), "sim-refund:" + Guid.NewGuid(), ct);
        return WalletEndpoints.Created(x, t);
    }

    private static async Task<Ok<TransactionDto>> SettleUnknownAsync(Guid id, GatewayResultHandler results, WalletDbContext db, CurrentUser user,
        TimeProvider time, TransactionExplainer x, CancellationToken ct)
    {
        var t = await OwnAsync(db, user, id, ct);
        if (t.Status != TxStatus.Unknown) throw new AppProblem(ErrorCodes.Conflict);
        var done = await results.ApplyAsync(id, GatewayResult.Ok("sim-manual"), time.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(x.Map(done));
    }

    private static Task<NoContent> SettleRefundAsync(Guid id, WalletJobs jobs, WalletDbContext db, CurrentUser user, CancellationToken ct) =>
        RefundAsync(id, true, jobs, db, user, ct);

    private static Task<NoContent> FailRefundAsync(Guid id, WalletJobs jobs, WalletDbContext db, CurrentUser user, CancellationToken ct) =>
        RefundAsync(id, false, jobs, db, user, ct);

    private static async Task<NoContent> RefundAsync(Guid id, bool succeed, WalletJobs jobs, WalletDbContext db, CurrentUser user, CancellationToken ct)
    {
        await OwnAsync(db, user, id, ct);
        if (!await jobs.SettleRefundAsync(id, succeed, ct)) throw new AppProblem(ErrorCodes.Conflict);
        return TypedResults.NoContent();
    }

    private static async Task<WalletTransaction> OwnAsync(WalletDbContext db, CurrentUser user, Guid id, CancellationToken ct)
    {
        var t = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (t is null || (!user.IsStaff && t.CustomerId != user.UserId)) throw AppProblem.NotFound();
        return t;
    }
}
