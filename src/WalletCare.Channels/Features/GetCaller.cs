using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Privacy;

namespace WalletCare.Channels.Features;

public sealed record Caller360(CallerDto Customer, WalletSummary? Wallet, IReadOnlyList<TransactionSummary> RecentTransactions, SecurityOverview Security,
    CaseRef? OpenCase);

/// <summary>GET /api/v1/agent/customers/{id} — the customer 360 for a caller, before there is a case (the same sources as the ticket page).</summary>
public static class GetCaller
{
    public static async Task<Ok<Caller360>> Endpoint(Guid id, GetCallerHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct));
}

public sealed class GetCallerHandler(IUserDirectory users, IWalletQueries wallet, ISecurityQueries security, ICaseIntake intake)
{
    /// <summary>Only customers have a 360; a staff id is as unknown as a random one (404).</summary>
    public async Task<Caller360> HandleAsync(Guid id, CancellationToken ct)
    {
        var u = await users.GetAsync(id, ct);
        if (u is not { Role: "customer" }) throw AppProblem.NotFound();
        return new Caller360(new CallerDto(u.Id, u.DisplayName, Masking.Phone(u.Phone), Masking.Email(u.Email)),
            await wallet.GetWalletAsync(id, ct), await wallet.RecentTransactionsAsync(id, 10, ct), await security.GetOverviewAsync(id, 5, ct),
            await intake.FindOpenCaseAsync(id, null, ct));
    }
}
