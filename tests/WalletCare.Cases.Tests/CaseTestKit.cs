using WalletCare.Platform.Contracts;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Cases.Sla;
using WalletCare.Platform.Calendar;
using WalletCare.Security;
using WalletCare.Testing;

namespace WalletCare.Cases.Tests;

internal static class CaseTestKit
{
    public static DateTimeOffset Shanghai(int y, int m, int d, int h, int min = 0) =>
        new(BusinessCalendar.ToUtc(new DateTime(y, m, d, h, min, 0)), TimeSpan.Zero);

    /// <summary>A brand-new customer (no earlier complaints, so no repeat-contact priority bump).</summary>
    public static async Task<HttpClient> NewCustomerAsync(this WalletCareFactory f)
    {
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        await f.ScopedAsync(sp => sp.GetRequiredService<IUserDirectory>().CreateAsync(new NewUser("测试用户", "customer", WalletCareFactory.DemoPassword, Phone: phone)));
        return await f.ClientForAsync(phone);
    }

    public static async Task<JsonElement> FileAsync(this HttpClient c, string category = "payment_failed", string subject = "付款失败", IEnumerable<string>? transactionIds = null) =>
        await (await c.PostJsonAsync("/api/v1/complaints", new { category, subject, description = "详细描述：付款失败了。", transactionIds = transactionIds ?? [], desiredOutcome = "解决" })).ExpectAsync(201);

    public static string Id(this JsonElement e) => e.GetProperty("id").GetString()!;

    public static DateTimeOffset Time(this JsonElement e, string name) => e.GetProperty(name).GetDateTimeOffset();

    public static Task<int> SweepAsync(this WalletCareFactory f) => f.ScopedAsync(sp => sp.GetRequiredService<SlaSweeper>().SweepAsync());

    public static Task<int> EventsAsync(this WalletCareFactory f, string caseId, string? kind = null) =>
        f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Events.CountAsync(e => e.CaseId == Guid.Parse(caseId) && (kind == null || e.Kind == kind)));

    public static async Task<JsonElement> TicketAsync(this HttpClient staff, string id) =>
        await (await staff.GetAsync($"/api/v1/agent/tickets/{id}")).ExpectAsync(200);

    public static Task<HttpResponseMessage> StatusAsync(this HttpClient staff, string id, string status, string? reason = null) =>
        staff.PostAsJsonAsync($"/api/v1/agent/tickets/{id}/status", new { status, reason });

    public static MultipartFormDataContent File(byte[] bytes, string name, string contentType = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { content, "file", name } };
    }
}
