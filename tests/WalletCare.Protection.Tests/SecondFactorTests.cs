using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WalletCare.Platform.Contracts;
using WalletCare.Testing;
using Xunit;
using static WalletCare.Protection.Tests.ProtectionKit;

namespace WalletCare.Protection.Tests;

/// <summary>
/// The customer paths that use two-step verification, against a stand-in for the security area's ISecondFactor
/// (the real one arrives with the identity work): self-service unfreeze and TOTP step-up (no SMS sent).
/// </summary>
public sealed class SecondFactorTests
{
    [Fact]
    public async Task A_customer_with_two_step_verification_unfreezes_with_a_valid_code_only()
    {
        await using var f = new WalletCareFactory(configure: s => { s.RemoveAll<ISecondFactor>(); s.AddSingleton<ISecondFactor>(new OneCodeSecondFactor()); });
        var c = await f.ClientForAsync(Zhang);
        await (await c.PostJsonAsync("/api/v1/security/freeze", new { reason = "测试" })).ExpectAsync(200);
        c = await f.ClientForAsync(Zhang);
        await (await c.PostJsonAsync("/api/v1/security/unfreeze", new { code = "999999" })).ExpectAsync(422, "VERIFICATION_CODE_INVALID");
        await (await c.PostJsonAsync("/api/v1/security/unfreeze", new { })).ExpectAsync(400);
        Assert.Equal("frozen", await c.WalletStatusAsync());
        await (await c.PostJsonAsync("/api/v1/security/unfreeze", new { code = OneCodeSecondFactor.Code })).ExpectAsync(200);
        Assert.Equal("active", await c.WalletStatusAsync());
        // The code was used: it cannot lift a later freeze.
        await (await c.PostJsonAsync("/api/v1/security/freeze", new { })).ExpectAsync(200);
        c = await f.ClientForAsync(Zhang);
        await (await c.PostJsonAsync("/api/v1/security/unfreeze", new { code = OneCodeSecondFactor.Code })).ExpectAsync(422, "VERIFICATION_CODE_INVALID");
        Assert.Contains("protection.unfreeze", await f.AuditActionsAsync());
        Assert.Equal(0, await f.VerifyAuditAsync());
    }

    [Fact]
    public async Task Step_up_for_a_customer_with_two_step_verification_asks_for_the_app_code_and_sends_no_sms()
    {
        await using var f = new WalletCareFactory(configure: s => { s.RemoveAll<ISecondFactor>(); s.AddSingleton<ISecondFactor>(new OneCodeSecondFactor()); });
        var id = await f.UserIdAsync(Zhang);
        var c = await f.ClientForAsync(Zhang);
        var body = new { toPhone = Li, amountMinor = 200_000 };
        var challenge = await (await c.SendAsync(Post("/api/v1/wallet/transfers", body, "t-2000"))).ExpectAsync(428, "STEP_UP_REQUIRED");
        Assert.Equal("totp", challenge.GetProperty("method").GetString());
        Assert.Equal(0, await f.SmsCountAsync(id));
        var proof = $"{challenge.GetProperty("challengeId").GetString()}:{OneCodeSecondFactor.Code}";
        await (await c.SendAsync(Post("/api/v1/wallet/transfers", body, "t-2000", proof))).ExpectAsync(201);
        Assert.Equal(1, await f.WithdrawalsAsync(id, 200_000, "transfer_out"));
    }

    /// <summary>Everyone has two-step verification; one code, accepted once.</summary>
    private sealed class OneCodeSecondFactor : ISecondFactor
    {
        public const string Code = "246810";
        private int _used;
        public Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct = default) => Task.FromResult(true);
        public Task<bool> VerifyAsync(Guid userId, string code, CancellationToken ct = default) =>
            Task.FromResult(code == Code && Interlocked.Exchange(ref _used, 1) == 0);
    }
}
