using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace WalletCare.Testing;

public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Asserts the status and, for problems, the stable code; returns the JSON body.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage res, int status, string? code = null)
    {
        var text = await res.Content.ReadAsStringAsync();
        Assert.True((int)res.StatusCode == status, $"expected {status} but got {(int)res.StatusCode}: {text}");
        var json = string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        if (code is not null)
        {
            Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, json.GetProperty("code").GetString());
        }
        return json;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient c, string url, object body, string? idempotencyKey = null)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) req.Headers.Add("Idempotency-Key", idempotencyKey);
        return c.SendAsync(req);
    }
}
