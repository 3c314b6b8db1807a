using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Cases;
using WalletCare.Remedies;
using WalletCare.Testing;
using WalletCare.Wallet;
using Xunit;

namespace WalletCare.Server.Tests;

/// <summary>
/// Issue #16: every write operation the OpenAPI document lists — read from the document, so a new endpoint is
/// covered the day it is mapped — gets malformed, mistyped, oversized, deeply nested and control-character
/// bodies, as a customer and as an agent. No answer may be a 5xx, every 4xx is a coded problem, and an
/// operation that answered only 4xx wrote nothing.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Operations that bind no body, so any body reaches their one effect; each with why that is right.</summary>
    private static readonly Dictionary<string, string> AcceptsAnyBody = new()
    {
        ["POST /api/v1/auth/logout"] = "binds no body; signing the caller out is its whole purpose (the client signs in again after it)",
        ["DELETE /api/v1/wallet/cards/{id}"] = "binds no body; unbinding the customer's own card is its whole effect",
        ["POST /api/v1/agent/tickets/{id}/auto-assign"] = "binds no body; assigning the case round-robin is its whole effect",
        ["POST /api/v1/security/2fa/setup"] = "binds no body; starting an enrolment (a fresh secret, not yet active) is its whole effect",
        ["POST /api/v1/security/freeze"] = "一键冻结 is always allowed (SPEC §5): without a body it is a freeze without a reason; malformed bodies are still refused",
        ["POST /api/v1/security/sessions/revoke-others"] = "binds no body; ending the caller's other sessions is its whole effect",
    };

    [Fact]
    public async Task Every_write_operation_survives_hostile_bodies_with_coded_4xx_and_writes_nothing()
    {
        var clock = Stopwatch.StartNew();
        await using var f = new WalletCareFactory(Db.Sqlite);
        var anon = f.CreateClient();
        var ops = FuzzOperations.From(await (await anon.GetAsync("/openapi/v1.json")).ExpectAsync(200));
        Assert.True(ops.Count >= 30, $"only {ops.Count} write operations in the document");

        var actors = new Dictionary<string, HttpClient> { ["13800000001"] = await f.ClientForAsync("13800000001"), ["agent1"] = await f.ClientForAsync("agent1") };
        var ids = await FuzzIds.ReadAsync(actors["13800000001"]);
        var requests = 0;
        var failures = new List<string>();
        foreach (var op in ops)
        {
            var url = ids.Fill(op.Path);
            var before = await CountsAsync(f);
            var anySuccess = false;
            foreach (var (login, _) in actors.ToList())
            {
                foreach (var (label, body, type) in FuzzBodies.For(op))
                {
                    using var req = new HttpRequestMessage(new HttpMethod(op.Method), url);
                    if (body is not null) req.Content = new ByteArrayContent(body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(type) } };
                    req.Headers.Add("Idempotency-Key", "fuzz-" + ++requests);
                    using var res = await actors[login].SendAsync(req);
                    var status = (int)res.StatusCode;
                    var text = await res.Content.ReadAsStringAsync();
                    var where = $"{op.Key} as {login} with {label}: {status}";
                    if (status >= 500) failures.Add(where + " " + text[..Math.Min(300, text.Length)]);
                    else if (status >= 400 && !IsCodedProblem(res, text)) failures.Add(where + " without a coded problem: " + text[..Math.Min(200, text.Length)]);
                    else if (status < 300)
                    {
                        anySuccess = true;
                        if (!AcceptsAnyBody.ContainsKey(op.Key)) failures.Add(where + " accepted a hostile body");
                    }
                    if (op.Key == "POST /api/v1/auth/logout" && status < 300) actors[login] = await f.ClientForAsync(login);
                }
            }
            if (!anySuccess && await CountsAsync(f) is var after && after != before)
                failures.Add($"{op.Key} answered only 4xx but wrote: {before} → {after}");
        }
        output.WriteLine($"{ops.Count} write operations from /openapi/v1.json, {requests} hostile requests, {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var op in ops) output.WriteLine($"  {op.Key} ({string.Join(", ", op.Properties.Select(p => p.Key + ": " + p.Value))})");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(60)));
    }

    private static bool IsCodedProblem(HttpResponseMessage res, string text)
    {
        if (res.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        try
        {
            using var d = JsonDocument.Parse(text);
            return d.RootElement.TryGetProperty("code", out var c) && c.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Task<string> CountsAsync(WalletCareFactory f) => f.ScopedAsync(async sp =>
    {
        var cases = sp.GetRequiredService<CasesDbContext>();
        var wallet = sp.GetRequiredService<WalletDbContext>();
        var remedies = sp.GetRequiredService<RemediesDbContext>();
        return string.Join(' ',
            await cases.Cases.CountAsync(), await cases.Events.CountAsync(), await cases.Attachments.CountAsync(), await cases.Surveys.CountAsync(),
            await cases.CalendarDays.CountAsync(), await wallet.Transactions.CountAsync(), await wallet.LedgerTransfers.CountAsync(),
            await wallet.Cards.CountAsync(), await remedies.Remedies.CountAsync(), await remedies.ClaimDecisions.CountAsync());
    });
}
