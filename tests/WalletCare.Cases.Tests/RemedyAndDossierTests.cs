using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Testing;
using WalletCare.Wallet;
using Xunit;

namespace WalletCare.Cases.Tests;

public abstract class RemedyTests
{
    protected abstract Db Db { get; }

    private static async Task<(WalletCareFactory F, HttpClient Customer, HttpClient Agent, string CaseId)> SetupAsync(Db db)
    {
        var f = WalletCareFactory.Create(db);
        var customer = await f.ClientForAsync("13800000001");
        var agent = await f.ClientForAsync("agent1");
        var id = (await (await customer.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items")[0].Id();
        return (f, customer, agent, id);
    }

    private static Task<HttpResponseMessage> Propose(HttpClient staff, string caseId, string type, long amount, string key) =>
        staff.PostJsonAsync($"/api/v1/agent/tickets/{caseId}/remedies", new { type, amountMinor = amount, reason = "服务补偿" }, key);

    private static Task<int> RemedyTransactionsAsync(WalletCareFactory f) =>
        f.ScopedAsync(sp => sp.GetRequiredService<WalletDbContext>().Transactions.CountAsync(t => t.Type == "remedy" || t.Type == "reversal"));

    [Fact]
    public async Task Small_goodwill_is_auto_approved_and_posted_once_per_key()
    {
        var (f, customer, agent, id) = await SetupAsync(Db);
        await using var _ = f;
        var before = await AvailableAsync(customer);
        var r = await (await Propose(agent, id, "goodwill_credit", 1_000, "g1")).ExpectAsync(201);
        Assert.Equal("executed", r.GetProperty("state").GetString());
        await (await Propose(agent, id, "goodwill_credit", 1_000, "g1")).ExpectAsync(201);
        Assert.Equal(before + 1_000, await AvailableAsync(customer));
        Assert.Equal(1, await RemedyTransactionsAsync(f));
        var timeline = (await (await customer.GetAsync($"/api/v1/complaints/{id}")).ExpectAsync(200)).GetProperty("timeline");
        // Entries store kind + typed arguments; the text is rendered for the reader (issue #10).
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("kind").GetString() == "remedy_executed" && e.GetProperty("text").GetString()!.Contains("¥10.00"));
        await (await agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/remedies", new { type = "goodwill_credit", amountMinor = 1, reason = "x" })).ExpectAsync(400, "IDEMPOTENCY_KEY_REQUIRED");
        await (await customer.PostJsonAsync($"/api/v1/agent/tickets/{id}/remedies", new { type = "goodwill_credit", amountMinor = 1, reason = "x" }, "c1")).ExpectAsync(403);
    }

    [Fact]
    public async Task Over_the_limit_waits_for_another_supervisor_and_posts_exactly_once_when_approved_twice_concurrently()
    {
        var (f, customer, agent, id) = await SetupAsync(Db);
        await using var _ = f;
        var before = await AvailableAsync(customer);
        var r = await (await Propose(agent, id, "goodwill_credit", 50_000, "big")).ExpectAsync(201);
        Assert.Equal("pending_approval", r.GetProperty("state").GetString());
        Assert.Equal(before, await AvailableAsync(customer));
        var remedyId = r.Id();
        await (await agent.PostAsync($"/api/v1/approvals/{remedyId}/approve", null)).ExpectAsync(403, "FORBIDDEN"); // agents never approve

        var sup = await f.ClientForAsync("supervisor1");
        var list = await (await sup.GetAsync("/api/v1/approvals")).ExpectAsync(200);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.Id() == remedyId);
        var admin = await f.ClientForAsync("admin");
        var results = await Task.WhenAll(sup.PostAsync($"/api/v1/approvals/{remedyId}/approve", null), admin.PostAsync($"/api/v1/approvals/{remedyId}/approve", null));
        var codes = results.Select(x => (int)x.StatusCode).Order().ToArray();
        Assert.Equal([200, 409], codes);
        Assert.Equal(before + 50_000, await AvailableAsync(customer));
        Assert.Equal(1, await RemedyTransactionsAsync(f));
        Assert.True((await f.ScopedAsync(sp => WalletCare.Wallet.Ledger.LedgerVerifier.VerifyAsync(sp.GetRequiredService<WalletDbContext>(), default))).Ok);
    }

    [Fact]
    public async Task A_supervisor_cannot_approve_their_own_remedy()
    {
        var (f, _, _, id) = await SetupAsync(Db);
        await using var __ = f;
        var sup = await f.ClientForAsync("supervisor1");
        var r = await (await Propose(sup, id, "goodwill_credit", 600_000, "own")).ExpectAsync(201);
        Assert.Equal("pending_approval", r.GetProperty("state").GetString());
        await (await sup.PostAsync($"/api/v1/approvals/{r.Id()}/approve", null)).ExpectAsync(403, "SELF_APPROVAL_FORBIDDEN");
        await (await sup.PostJsonAsync($"/api/v1/approvals/{r.Id()}/reject", new { reason = "x" })).ExpectAsync(403, "SELF_APPROVAL_FORBIDDEN");
        var admin = await f.ClientForAsync("admin");
        await (await admin.PostJsonAsync($"/api/v1/approvals/{r.Id()}/reject", new { reason = "金额过高" })).ExpectAsync(200);
        await (await admin.PostAsync($"/api/v1/approvals/{r.Id()}/approve", null)).ExpectAsync(409, "APPROVAL_ALREADY_DECIDED");
    }

    [Fact]
    public async Task A_rejected_claim_reverses_the_provisional_credit()
    {
        var (f, customer, agent, id) = await SetupAsync(Db);
        await using var _ = f;
        var before = await AvailableAsync(customer);
        var r = await (await Propose(agent, id, "provisional_credit", 8_000, "prov")).ExpectAsync(201);
        Assert.Equal("executed", r.GetProperty("state").GetString());
        Assert.Equal(before + 8_000, await AvailableAsync(customer));
        var sup = await f.ClientForAsync("supervisor1");
        var decided = await (await sup.PostJsonAsync($"/api/v1/agent/tickets/{id}/claim-decision", new { upheld = false, reason = "商户提供了签收证明" })).ExpectAsync(200);
        Assert.Equal(1, decided.GetProperty("reversed").GetInt32());
        Assert.Equal(before, await AvailableAsync(customer));
        var remedies = await (await agent.GetAsync($"/api/v1/agent/tickets/{id}/remedies")).ExpectAsync(200);
        Assert.Equal("reversed", remedies[0].GetProperty("state").GetString());
        // A claim is decided once: deciding again is refused and reverses nothing twice.
        await (await sup.PostJsonAsync($"/api/v1/agent/tickets/{id}/claim-decision", new { upheld = false, reason = "再次确认" })).ExpectAsync(409, "CLAIM_ALREADY_DECIDED");
        Assert.Equal(before, await AvailableAsync(customer));
    }

    private static async Task<long> AvailableAsync(HttpClient c) =>
        (await (await c.GetAsync("/api/v1/wallet")).ExpectAsync(200)).GetProperty("availableMinor").GetInt64();
}

public sealed class RemedyTestsSqlite : RemedyTests { protected override Db Db => Db.Sqlite; }
public sealed class RemedyTestsPostgres : RemedyTests { protected override Db Db => Db.Postgres; }

public sealed class DossierTests
{
    [Fact]
    public async Task The_pdf_dossier_has_the_case_number_and_Chinese_text_and_json_has_evidence_hashes()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.ClientForAsync("13800000001");
        var agent = await f.ClientForAsync("agent1");
        var complaint = (await (await customer.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items")[0];
        var id = complaint.Id();
        var number = complaint.GetProperty("number").GetString()!;
        await customer.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File(TestImages.Png(), "凭证.png", "image/png"));
        await agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/notes", new { body = "内部核查记录" });

        var req = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/agent/tickets/{id}/dossier");
        req.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        var pdf = await agent.SendAsync(req);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(number, text);
        Assert.Contains("退款未到账", text);
        Assert.Contains("内部核查记录", text);
        // Words, not codes (issue #17): the refund's type and state, the clocks' state.
        Assert.Contains("处理中", text);
        Assert.Contains("计时中", text);
        Assert.DoesNotMatch(@"\b(refund|pending|running|succeeded|failed|executed)\b", text);

        // The page's JSON link saves a file instead of showing raw JSON in the browser.
        var file = await agent.GetAsync($"/api/v1/agent/tickets/{id}/dossier?format=json");
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);

        var json = await (await customer.GetAsync($"/api/v1/complaints/{id}/dossier")).ExpectAsync(200);
        Assert.Equal(64, json.GetProperty("case").GetProperty("attachments")[0].GetProperty("sha256").GetString()!.Length);
        Assert.DoesNotContain("内部核查记录", json.GetRawText());
        Assert.True(json.GetProperty("transactions").GetArrayLength() >= 1);
        var li = await f.ClientForAsync("13800000002");
        await (await li.GetAsync($"/api/v1/complaints/{id}/dossier")).ExpectAsync(404);
    }
}
