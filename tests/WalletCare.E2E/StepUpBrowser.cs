using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WalletCare.Platform.Contracts;
using WalletCare.Protection;

namespace WalletCare.E2E;

internal static class StepUpBrowser
{
    /// <summary>Answers the wallet form's step-up with the SMS code just sent (read from the outbox, as the phone would).</summary>
    public static async Task PassAsync(BrowserApp app, IPage page, string login)
    {
        await Assertions.Expect(page.Locator("#stepup-code")).ToBeVisibleAsync();
        var code = await app.Factory.ScopedAsync(async sp =>
        {
            var id = (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync(login))!.Id;
            var body = await sp.GetRequiredService<ProtectionDbContext>().Outbox.Where(o => o.UserId == id && o.Kind == "verification_code")
                .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Select(o => o.Body).FirstAsync();
            return Regex.Match(body, @"\b\d{6}\b").Value;
        });
        await page.FillAsync("#stepup-code", code);
        await page.ClickAsync("#stepup-submit");
    }

}
