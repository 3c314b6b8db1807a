using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

public sealed class ComplaintBrowserTests
{
    [Fact]
    public async Task Customer_files_about_the_refund_in_progress_attaches_a_png_escalates_and_reads_the_deadline_in_Chinese()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000001");
        await page.GotoAsync("/wallet");
        await page.Locator("#transactions a", new() { HasText = "退款" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#txn-expected")).ToContainTextAsync("预计");
        await page.ClickAsync("#txn-help");

        await Assertions.Expect(page.Locator("#complaint-transaction")).ToContainTextAsync("京东商城");
        await Assertions.Expect(page.Locator("#complaint-category")).ToHaveValueAsync("refund_not_received");
        await page.FillAsync("#complaint-description", "退货后商户说已退款，但银行卡一直没有收到。");
        var png = Path.Combine(Path.GetTempPath(), $"receipt-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(png, TestPng());
        await page.SetInputFilesAsync("#complaint-file", png);
        await page.ClickAsync("#complaint-submit");

        await Assertions.Expect(page.Locator("#complaint-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^WC-2026-\d{6}$"));
        await Assertions.Expect(page.Locator("#deadline-text")).ToContainTextAsync("我们将在 2026-");
        await Assertions.Expect(page.Locator("#deadline-text")).ToContainTextAsync("前回复");
        await Assertions.Expect(page.Locator("#attachments")).ToContainTextAsync(".png");

        await page.FillAsync("#escalate-reason", "已经等了很久，希望主管介入。");
        await page.ClickAsync("#escalate-submit");
        await Assertions.Expect(page.Locator("#review-pending")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("申请上级复核");
        await Assertions.Expect(page.Locator("#regulatory-text")).ToContainTextAsync("依规定最迟于");
        await BrowserApp.ShotAsync(page, "complaint-escalated-zh");
    }

    private static byte[] TestPng()
    {
        using var bmp = new SkiaSharp.SKBitmap(20, 20);
        bmp.Erase(SkiaSharp.SKColors.Green);
        using var data = bmp.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
