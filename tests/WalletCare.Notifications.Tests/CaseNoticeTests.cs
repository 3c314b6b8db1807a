using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Outbox;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Notifications.Tests;

public sealed class CaseNoticeTests
{
    [Fact]
    public async Task Notices_are_in_the_customers_language_threaded_by_case_and_their_own_cancel_gives_none()
    {
        await using var f = new WalletCareFactory();
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var user = await f.ScopedAsync(sp => sp.GetRequiredService<IUserDirectory>().CreateAsync(
            new NewUser("Alex", "customer", WalletCareFactory.DemoPassword, Phone: phone, Email: $"{phone}@example.com", Locale: "en-US")));
        // The agent works in Chinese; the customer reads English.
        var customer = await f.ClientForAsync(phone, language: "zh-CN");
        var agent = await f.ClientForAsync("agent1", language: "zh-CN");
        var filed = await (await customer.PostJsonAsync("/api/v1/complaints", new
        {
            category = "payment_failed", subject = "Payment failed", description = "My payment failed twice.", transactionIds = Array.Empty<string>(), desiredOutcome = "Fix it",
        })).ExpectAsync(201);
        var caseId = filed.GetProperty("id").GetString();
        var number = filed.GetProperty("number").GetString();

        await (await agent.PostAsJsonAsync($"/api/v1/agent/tickets/{caseId}/replies", new { body = "We are checking with the bank." })).ExpectAsync(201);
        await (await agent.PostAsJsonAsync($"/api/v1/agent/tickets/{caseId}/replies", new { body = "The bank confirmed the refund." })).ExpectAsync(201);
        await f.DrainAsync();
        var items = (await (await customer.GetAsync("/api/v1/notifications")).ExpectAsync(200)).Items().ToList();
        // The first reply also opened the case: one notice per reply, none for the automatic status move.
        Assert.Equal(2, items.Count);
        Assert.All(items, n => Assert.Equal($"New reply on your case {number}", n.GetProperty("title").GetString()));

        var mails = (await f.RowsForAsync(user.Id)).Where(r => r.Channel == OutboxChannels.Email).ToList();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal($"<case-{Guid.Parse(caseId!):N}@walletcare.local>",
            System.Text.Json.JsonDocument.Parse(m.HeadersJson!).RootElement.GetProperty("References").GetString()));
        Assert.Equal(2, mails.Select(m => m.HeadersJson).Distinct().Count());

        await (await customer.PostAsJsonAsync($"/api/v1/complaints/{caseId}/cancel", new { reason = "Solved" })).ExpectAsync(200);
        await f.DrainAsync();
        Assert.Equal(2, (await f.RowsForAsync(user.Id)).Count(r => r.Channel == OutboxChannels.InApp));
    }
}
