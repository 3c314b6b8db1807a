using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Server.Tests;

/// <summary>Issue #16: bodies are bounded per endpoint group, and user names are checked like every other text.</summary>
public sealed class BodyLimitTests
{
    /// <summary>A stream without a length, so the client sends it chunked and only counting while reading can stop it.</summary>
    private sealed class UnknownLength(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task A_json_body_over_64_KB_is_413_whether_its_length_is_declared_or_streamed()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001");
        var id = (await (await c.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items")[0].GetProperty("id").GetString();
        var big = Encoding.UTF8.GetBytes("{\"reason\":\"" + new string('x', 70 * 1024) + "\"}");
        var declared = new ByteArrayContent(big) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        await (await c.PostAsync($"/api/v1/complaints/{id}/cancel", declared)).ExpectAsync(413, "PAYLOAD_TOO_LARGE");
        var streamed = new StreamContent(new UnknownLength(big)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        await (await c.PostAsync($"/api/v1/complaints/{id}/cancel", streamed)).ExpectAsync(413, "PAYLOAD_TOO_LARGE");
        var complaint = await (await c.GetAsync($"/api/v1/complaints/{id}")).ExpectAsync(200);
        Assert.NotEqual("closed", complaint.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Evidence_uploads_have_their_own_larger_limit()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001");
        var id = (await (await c.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items")[0].GetProperty("id").GetString();
        static MultipartFormDataContent File(int size) => new() { { new ByteArrayContent(new byte[size]), "file", "a.bin" } };
        // 1 MB passes the body limit and reaches the content check (not an image, so 415) …
        await (await c.PostAsync($"/api/v1/complaints/{id}/attachments", File(1024 * 1024))).ExpectAsync(415, "ATTACHMENT_TYPE_NOT_ALLOWED");
        // … 12 MB is over the upload limit and never read.
        await (await c.PostAsync($"/api/v1/complaints/{id}/attachments", File(12 * 1024 * 1024))).ExpectAsync(413, "PAYLOAD_TOO_LARGE");
    }

    [Theory]
    [InlineData("客户\u202E")]
    [InlineData("a\u0000b")]
    [InlineData("\u001B[2J")]
    public async Task A_display_name_with_control_characters_is_refused_on_create(string name)
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var p = await Assert.ThrowsAsync<AppProblem>(() => f.ScopedAsync(sp =>
            sp.GetRequiredService<IUserDirectory>().CreateAsync(new NewUser(name, "customer", WalletCareFactory.DemoPassword, Phone: "13912345678"))));
        Assert.Equal("VALIDATION_FAILED", p.Code);
        Assert.True(p.FieldErrors!.ContainsKey("displayName"));
    }
}
