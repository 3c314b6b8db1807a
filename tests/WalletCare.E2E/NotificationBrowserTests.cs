using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WalletCare.Cases;
using WalletCare.Notifications;
using WalletCare.Notifications.Outbox;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Outbox;
using Xunit;

namespace WalletCare.E2E;

/// <summary>The bell, the notification centre and its preferences, at 390 px.</summary>
public sealed class NotificationBrowserTests
{
    [Fact]
    public async Task Zhang_wei_sees_the_unread_count_reads_a_case_notice_and_switches_off_case_reply_emails()
    {
        await using var app = await BrowserApp.StartAsync();
        var f = app.Factory;
        var zhangId = await f.ScopedAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000001"))!.Id);
        var caseId = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.Where(c => c.CustomerId == zhangId).Select(c => c.Id).FirstAsync());
        await f.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            db.Outbox.Add(OutboxMessage.Create(OutboxChannels.InApp, "case_reply", f.Time.GetUtcNow().UtcDateTime, zhangId, null,
                "您的投诉有新回复", "您好，退款已在处理中。", caseId: caseId));
            await db.SaveChangesAsync();
            return await sp.GetRequiredService<OutboxDrainer>().DrainOnceAsync();
        });

        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000001");
        await Assertions.Expect(page.Locator("#notification-unread")).ToHaveTextAsync("1");
        await page.ClickAsync("#notification-bell");
        await Assertions.Expect(page.Locator("#notifications-title")).ToHaveTextAsync("通知");
        var item = page.Locator("#notifications li").First;
        await Assertions.Expect(item).ToContainTextAsync("退款已在处理中");
        await Assertions.Expect(item).ToContainTextAsync("投诉回复");
        await Assertions.Expect(item.Locator($"a[href='/complaints/{caseId}']")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "notifications-zh");
        await item.Locator("button.mark-read").ClickAsync();
        await Assertions.Expect(page.Locator("#notifications-unread")).ToHaveTextAsync("0 条未读");
        await Assertions.Expect(page.Locator("#notification-unread")).ToHaveCountAsync(0);

        await page.ClickAsync("#notification-preferences");
        await Assertions.Expect(page.Locator("#pref-security_alert-sms")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#pref-security_alert-sms")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#pref-case_reply-email")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#pref-case_reply-sms")).Not.ToBeCheckedAsync();
        await page.UncheckAsync("#pref-case_reply-email");
        await page.CheckAsync("#pref-case_status-sms");
        await page.ClickAsync("#preferences-save");
        await Assertions.Expect(page.Locator("#preferences-saved")).ToBeVisibleAsync();
        await page.GotoAsync("/notifications/preferences");
        await Assertions.Expect(page.Locator("#pref-case_reply-email")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#pref-case_status-sms")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#pref-case_reply-inapp")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#pref-security_alert-sms")).ToBeCheckedAsync();
        // Nothing overflows the 390 px viewport.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        await BrowserApp.ShotAsync(page, "notification-preferences-zh");

        var en = await app.NewPageAsync("en-US");
        await BrowserApp.SignInAsync(en, "13800000001");
        await en.GotoAsync("/ui/culture?c=en-US&returnUrl=/notifications");
        await Assertions.Expect(en.Locator("#notifications-title")).ToHaveTextAsync("Notifications");
        await Assertions.Expect(en.Locator("#notifications li").First).ToContainTextAsync("Replies to my cases");
    }
}
