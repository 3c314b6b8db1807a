using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>Cases opened by other areas through <see cref="ICaseIntake"/>: dedupe keys, raised priority, the open case about a transaction.</summary>
public abstract class CaseIntakeTests
{
    protected abstract Db Db { get; }

    private static Task<Guid> CustomerIdAsync(WalletCareFactory f, string login) =>
        f.ScopedAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync(login))!.Id);

    [Fact]
    public async Task The_same_dedupe_key_gives_one_case_even_when_both_arrive_at_once()
    {
        await using var f = WalletCareFactory.Create(Db);
        var customer = await CustomerIdAsync(f, "13800000001");
        var request = new IntakeRequest(customer, "account_compromised", "app", "紧急冻结", "客户通过一键冻结冻结了账户。",
            MinimumPriority: "P1", DedupeKey: "freeze:test:1");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            f.ScopedAsync(sp => sp.GetRequiredService<ICaseIntake>().OpenAsync(request))));

        Assert.Single(results.Select(r => r.CaseId).Distinct());
        Assert.Equal(1, results.Count(r => r.Created));
        Assert.Matches(@"^WC-2026-\d{6}$", results[0].Number);
        var again = await f.ScopedAsync(sp => sp.GetRequiredService<ICaseIntake>().OpenAsync(request));
        Assert.False(again.Created);
        Assert.Equal(results[0].CaseId, again.CaseId);

        // The customer sees it in their own list at the raised priority, filed by the system.
        var zhang = await f.ClientForAsync("13800000001");
        var mine = await (await zhang.GetAsync($"/api/v1/complaints/{again.CaseId}")).ExpectAsync(200);
        Assert.Equal("P1", mine.GetProperty("priority").GetString());
        Assert.Equal("account_compromised", mine.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Minimum_priority_raises_but_never_lowers_and_bad_input_writes_nothing()
    {
        await using var f = WalletCareFactory.Create(Db);
        var customer = await CustomerIdAsync(f, "13800000002");
        var intake = (IServiceProvider sp) => sp.GetRequiredService<ICaseIntake>();
        // 李娜 has a recent complaint, so the rules already say P1 for a repeat contact: P3 asked does not lower it.
        var low = await f.ScopedAsync(sp => intake(sp).OpenAsync(new IntakeRequest(customer, "other", "phone", "来电咨询", "客户来电询问。", MinimumPriority: "P4", ActorRole: "agent")));
        var zhang = await f.ClientForAsync("13800000002");
        var c = await (await zhang.GetAsync($"/api/v1/complaints/{low.CaseId}")).ExpectAsync(200);
        Assert.Equal("phone", c.GetProperty("channel").GetString());
        Assert.NotEqual("P4", c.GetProperty("priority").GetString());

        var before = (await (await zhang.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items").GetArrayLength();
        await Assert.ThrowsAsync<WalletCare.Platform.Errors.AppProblem>(() =>
            f.ScopedAsync(sp => intake(sp).OpenAsync(new IntakeRequest(customer, "no_such_category", "email", "x", "y"))));
        await Assert.ThrowsAsync<WalletCare.Platform.Errors.AppProblem>(() =>
            f.ScopedAsync(sp => intake(sp).OpenAsync(new IntakeRequest(customer, "other", "email", "x", "y", MinimumPriority: "P0"))));
        Assert.Equal(before, (await (await zhang.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_open_case_about_a_transaction_is_found_and_another_customers_is_not()
    {
        await using var f = WalletCareFactory.Create(Db);
        var zhangId = await CustomerIdAsync(f, "13800000001");
        var liId = await CustomerIdAsync(f, "13800000002");
        var zhang = await f.ClientForAsync("13800000001");
        var payment = (await (await zhang.GetAsync("/api/v1/wallet/transactions?type=payment")).ExpectAsync(200)).GetProperty("items")[0].Id();
        var filed = await zhang.FileAsync("payment_failed", "付款问题", [payment]);

        var found = await f.ScopedAsync(sp => sp.GetRequiredService<ICaseIntake>().FindOpenCaseAsync(zhangId, Guid.Parse(payment)));
        Assert.Equal(filed.Id(), found!.Id.ToString());
        Assert.Null(await f.ScopedAsync(sp => sp.GetRequiredService<ICaseIntake>().FindOpenCaseAsync(liId, Guid.Parse(payment))));
    }
}

public sealed class CaseIntakeTestsSqlite : CaseIntakeTests { protected override Db Db => Db.Sqlite; }
public sealed class CaseIntakeTestsPostgres : CaseIntakeTests { protected override Db Db => Db.Postgres; }
