using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WalletCare.Platform.Http;
using WalletCare.Platform.Idempotency;
using WalletCare.Wallet.Domain;

namespace WalletCare.Wallet.Features;

/// <summary>The wallet's route table: one line per use case, each naming the handler in its feature file.</summary>
public static class WalletEndpoints
{
    public static void MapWalletApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/wallet").RequireAuthorization(Policies.Customer).WithTags("Wallet");
        g.MapGet("/", GetWallet.GetAsync);
        g.MapGet("/merchants", ListMerchants.GetAsync);
        g.MapGet("/cards", ListCards.GetAsync);
        g.MapPost("/cards", BindCardHandler.PostAsync);
        g.MapDelete("/cards/{id:guid}", UnbindCardHandler.DeleteAsync);

        g.MapPost("/topups", TopUpHandler.PostAsync).WithIdempotency();
        g.MapPost("/payments", PayHandler.PostAsync).WithIdempotency();
        g.MapPost("/transfers", TransferHandler.PostAsync).WithIdempotency();
        g.MapPost("/withdrawals", WithdrawHandler.PostAsync).WithIdempotency();

        g.MapGet("/transactions", ListTransactions.GetAsync);
        g.MapGet("/transactions/{id:guid}", GetTransaction.GetAsync);
        g.MapGet("/statement.csv", Statement.GetAsync);
    }

    /// <summary>The client's idempotency key; WithIdempotency has already refused a request without one.</summary>
    internal static string Key(HttpContext http) => http.Request.Headers[IdempotencyExtensions.Header].ToString();

    internal static Created<TransactionDto> Created(TransactionExplainer x, WalletTransaction t) =>
        TypedResults.Created($"/api/v1/wallet/transactions/{t.Id}", x.Map(t));
}
