using Microsoft.Playwright;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.E2E;

/// <summary>Issue #17 (6): an empty review is refused with the reasoning field marked and the choice kept, not a bare banner.</summary>
public sealed class ReviewFormBrowserTests
{
    [Fact]
    public async Task An_empty_review_marks_the_reasoning_field()
    {
        await using var app = await BrowserApp.StartAsync();
        var customer = await app.Factory.ClientForAsync("13800000001");
        var filed = await (await customer.PostJsonAsync("/api/v1/complaints", new { category = "service_attitude", subject = "客服态度差", description = "电话里被挂断。" })).ExpectAsync(201);
        var id = filed.GetProperty("id").GetString();
        await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/escalate", new { reason = "处理太慢" })).ExpectAsync(200);

        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "supervisor1");
        await page.GotoAsync("/console/reviews");
        var form = page.Locator($"#review-{id} form");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[role=alert]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#review-reasoning-{id}")).ToHaveAttributeAsync("aria-invalid", "true");
    }
}
