using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Help;
using WalletCare.Help.Search;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Help.Tests;

/// <summary>One demo server per test class: the articles are seeded at start, tests only read or add their own.</summary>
public sealed class HelpServer : IAsyncLifetime
{
    public WalletCareFactory Factory { get; } = new(Db.Sqlite);

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server; // start now: migrations, article seeding and the first index build
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

internal static class HelpKit
{
    public static async Task<JsonElement> SearchAsync(this HttpClient c, string q, string locale = "zh-CN", int limit = 5) =>
        await (await c.GetAsync($"/api/v1/help/search?q={Uri.EscapeDataString(q)}&locale={locale}&limit={limit}")).ExpectAsync(200);

    public static IReadOnlyList<string> Keys(this JsonElement search) =>
        search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!).ToList();

    public static Task<IReadOnlyList<SearchHit>> SearchDirectAsync(this WalletCareFactory f, string q, string locale, int limit = 5) =>
        f.ScopedAsync(sp => sp.GetRequiredService<HelpSearch>().SearchAsync(q, locale, limit, CancellationToken.None));

    public static Guid ArticleId(string key, string locale = "zh-CN") => ArticleCatalog.IdFor(key, locale);

    public static Task<HttpResponseMessage> SaveAsync(this HttpClient c, object body, Guid? id = null) =>
        id is null ? c.PostAsJsonAsync("/api/v1/help/articles", body) : c.PutAsJsonAsync($"/api/v1/help/articles/{id}", body);

    public static async Task<HttpClient> StaffAsync(this WalletCareFactory f, string login) => await f.ClientForAsync(login);
}
