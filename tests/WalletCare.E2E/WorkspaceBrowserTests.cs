using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

public sealed class WorkspaceBrowserTests
{
    [Fact]
    public async Task Agent_opens_the_evidence_photo_sees_the_linked_transaction_and_a_macro_keeps_the_typed_draft()
    {
        await using var app = await BrowserApp.StartAsync();

        // 张伟's top-up fails; he complains about it with a JPEG photo.
        var customer = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(customer, "13800000001");
        await customer.GotoAsync("/wallet/topup");
        var card = await customer.Locator("#topup-card option", new() { HasText = "0017" }).GetAttributeAsync("value");
        await customer.SelectOptionAsync("#topup-card", card!);
        await customer.FillAsync("#topup-amount", "100.50");
        await customer.ClickAsync("#topup-submit");
        await customer.ClickAsync("#txn-help");
        await customer.FillAsync("#complaint-description", "充值失败了，但是银行发短信说扣款了，截图在附件里。");
        await customer.FillAsync("#complaint-outcome", "退回扣款的 100.50 元");
        var jpeg = Path.Combine(Path.GetTempPath(), $"bank-sms-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(jpeg, TestJpeg());
        await customer.SetInputFilesAsync("#complaint-file", jpeg);
        await customer.ClickAsync("#complaint-submit");
        await Assertions.Expect(customer.Locator("#complaint-number")).ToBeVisibleAsync();
        var caseId = new Uri(customer.Url).AbsolutePath.Split('/')[^1];

        var agent = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(agent, "agent1");
        await agent.GotoAsync($"/console/tickets/{caseId}");
        var linked = agent.Locator("#linked-transactions");
        await Assertions.Expect(linked).ToContainTextAsync("¥100.50");
        await Assertions.Expect(linked).ToContainTextAsync("余额不足");
        await Assertions.Expect(linked).Not.ToContainTextAsync("INSUFFICIENT_FUNDS");
        await Assertions.Expect(agent.Locator("#desired-outcome")).ToContainTextAsync("退回扣款的 100.50 元");

        var thumb = agent.Locator("#evidence img.thumb");
        await Assertions.Expect(thumb).ToBeVisibleAsync();
        Assert.True(await thumb.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the thumbnail loads for the agent");
        var href = await agent.Locator("#evidence a.evidence-link").GetAttributeAsync("href");
        var photo = await agent.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, photo.Status);
        Assert.Equal("image/jpeg", photo.Headers["content-type"]);
        await BrowserApp.ShotAsync(agent, "console-ticket-evidence-zh");

        // Another customer still cannot read it.
        var li = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(li, "13800000002");
        Assert.Equal(404, (await li.Context.APIRequest.GetAsync(href!)).Status);

        // A typed reply and note survive inserting a macro; the macro text is appended to the reply.
        await agent.FillAsync("#reply-body", "草稿：已核实银行短信。");
        await agent.FillAsync("#note-body", "内部草稿：待确认网关流水");
        var macro = await agent.Locator("#macro-select option", new() { HasText = "退款进度说明" }).GetAttributeAsync("value");
        await agent.SelectOptionAsync("#macro-select", macro!);
        await agent.ClickAsync("#macro-insert");
        await Assertions.Expect(agent.Locator("#reply-body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^草稿：已核实银行短信。\\n张伟您好"));
        await Assertions.Expect(agent.Locator("#note-body")).ToHaveValueAsync("内部草稿：待确认网关流水");

        // A remedy amount that is not a number says so, instead of "金额必须大于 0".
        await agent.FillAsync("#remedy-amount", "1e5");
        await agent.ClickAsync("#remedy-submit");
        await Assertions.Expect(agent.Locator("#ticket-error")).ToContainTextAsync("请用数字输入金额");
    }

    private static byte[] TestJpeg()
    {
        using var bmp = new SkiaSharp.SKBitmap(40, 30);
        bmp.Erase(SkiaSharp.SKColors.SteelBlue);
        using var data = bmp.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
