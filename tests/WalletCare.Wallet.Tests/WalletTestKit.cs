using WalletCare.Platform.Contracts;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Security;
using WalletCare.Testing;
using WalletCare.Wallet;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet.Tests;

internal static class WalletTestKit
{
    public static Task<Guid> UserIdAsync(this WalletCareFactory f, string login) =>
        f.ScopedAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync(login))!.Id);

    /// <summary>Binds in the signed-in customer's own name: the real-name rule refuses any other holder.</summary>
    public static async Task<JsonElement> BindAsync(this HttpClient c, string number, string expiry = "12/29", string cvv = "123")
    {
        var holderName = (await (await c.GetAsync("/api/v1/me")).ExpectAsync(200)).GetProperty("displayName").GetString();
        return await (await c.PostJsonAsync("/api/v1/wallet/cards", new { number, expiry, cvv, holderName })).ExpectAsync(201);
    }

    public static async Task<JsonElement> TopupAsync(this HttpClient c, string cardId, long amount, string? key = null) =>
        await (await c.PostJsonAsync("/api/v1/wallet/topups", new { cardId, amountMinor = amount }, key ?? Guid.NewGuid().ToString())).ExpectAsync(201);

    public static async Task<long> AvailableAsync(this HttpClient c) =>
        (await (await c.GetAsync("/api/v1/wallet")).ExpectAsync(200)).GetProperty("availableMinor").GetInt64();

    public static async Task<string> MerchantAsync(this HttpClient c) =>
        (await (await c.GetAsync("/api/v1/wallet/merchants")).ExpectAsync(200))[0].GetProperty("id").GetString()!;

    public static Task<LedgerVerification> VerifyLedgerAsync(this WalletCareFactory f) =>
        f.ScopedAsync(sp => LedgerVerifier.VerifyAsync(sp.GetRequiredService<WalletDbContext>(), CancellationToken.None));

    public static Task<int> TransfersForAsync(this WalletCareFactory f, string transactionId) =>
        f.ScopedAsync(sp => sp.GetRequiredService<WalletDbContext>().LedgerTransfers.CountAsync(t => t.TransactionId == Guid.Parse(transactionId)));

    public static async Task<T> JobsAsync<T>(this WalletCareFactory f, Func<Jobs.WalletJobs, Task<T>> work) =>
        await f.ScopedAsync(sp => work(sp.GetRequiredService<Jobs.WalletJobs>()));
}
