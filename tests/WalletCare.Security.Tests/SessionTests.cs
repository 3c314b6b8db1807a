using System.Net.Http.Json;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Security.Tests;

/// <summary>Devices and sessions (SPEC §5): list, sign out one, sign out all others — effective on the very next request.</summary>
public sealed class SessionTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Revoke_others_makes_another_sessions_bearer_token_401_on_the_next_request(Db db)
    {
        await using var f = WalletCareFactory.Create(db);
        var phone = await f.NewCustomerAsync();
        var phoneApp = f.Bearer(await f.TokenAsync(f.Device(), phone));
        const string laptopUa = "Mozilla/5.0 (Windows NT 10.0) Chrome/130.0";
        var laptop = f.Bearer(await f.TokenAsync(f.Device(laptopUa), phone), laptopUa);
        await (await laptop.GetAsync("/api/v1/me")).ExpectAsync(200);

        var sessions = await (await phoneApp.GetAsync("/api/v1/security/sessions")).ExpectAsync(200);
        Assert.Equal(2, sessions.GetArrayLength());
        Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("current").GetBoolean());
        Assert.Contains(sessions.EnumerateArray(), s => s.GetProperty("device").GetString() == "Chrome · Windows");

        var revoked = await (await phoneApp.PostAsync("/api/v1/security/sessions/revoke-others", null)).ExpectAsync(200);
        Assert.Equal(1, revoked.GetProperty("revoked").GetInt32());
        await (await laptop.GetAsync("/api/v1/me")).ExpectAsync(401);
        await (await phoneApp.GetAsync("/api/v1/me")).ExpectAsync(200);
        Assert.Contains("auth.sessions_revoked", await f.AuditActionsAsync());
        Assert.Equal(0, await f.VerifyAuditAsync());
    }

    [Fact]
    public async Task Signing_out_one_session_works_for_its_owner_only()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var phone = await f.NewCustomerAsync();
        var a = f.Bearer(await f.TokenAsync(f.Device(), phone));
        var b = f.Bearer(await f.TokenAsync(f.Device(), phone));
        var other = await f.ClientForAsync("13800000001");
        var sessions = await (await a.GetAsync("/api/v1/security/sessions")).ExpectAsync(200);
        var bId = sessions.EnumerateArray().Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();

        await (await other.DeleteAsync($"/api/v1/security/sessions/{bId}")).ExpectAsync(404);
        await (await b.GetAsync("/api/v1/me")).ExpectAsync(200);
        await (await a.DeleteAsync($"/api/v1/security/sessions/{bId}")).ExpectAsync(204);
        await (await b.GetAsync("/api/v1/me")).ExpectAsync(401);
        await (await f.CreateClient().GetAsync("/api/v1/security/sessions")).ExpectAsync(401);
    }

    [Fact]
    public async Task Login_history_is_a_cursor_list_with_results_and_new_devices()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var phone = await f.NewCustomerAsync();
        var anon = f.Device();
        await (await anon.LoginAsync(phone, "wrong-password")).ExpectAsync(401);
        var me = f.Bearer(await f.TokenAsync(anon, phone));
        f.Time.Advance(TimeSpan.FromMinutes(1));
        await f.TokenAsync(f.Device("Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile"), phone);

        var page1 = await (await me.GetAsync("/api/v1/security/logins?limit=2")).ExpectAsync(200);
        var items = page1.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("success", items[0].GetProperty("result").GetString());
        Assert.True(items[0].GetProperty("newDevice").GetBoolean());
        Assert.Equal("Chrome · Android", items[0].GetProperty("device").GetString());
        Assert.False(items[1].GetProperty("newDevice").GetBoolean()); // the very first device is not "new"
        var cursor = page1.GetProperty("nextCursor").GetString();
        var page2 = await (await me.GetAsync($"/api/v1/security/logins?limit=2&cursor={Uri.EscapeDataString(cursor!)}")).ExpectAsync(200);
        Assert.Equal("failed", page2.GetProperty("items").EnumerateArray().Single().GetProperty("result").GetString());
        // Another customer's history stays theirs.
        var other = await f.ClientForAsync("13800000001");
        var theirs = await (await other.GetAsync("/api/v1/security/logins")).ExpectAsync(200);
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("device").GetString() == "Chrome · Android");
    }
}

/// <summary>Personal-data export (SPEC §5): the customer's own data from every area, nobody else's.</summary>
public sealed class ExportTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_export_holds_the_customers_data_and_nobody_elses(Db db)
    {
        await using var f = WalletCareFactory.Create(db);
        var zhang = await f.ClientForAsync("13800000001");
        await f.ClientForAsync("13800000002");
        var res = await zhang.GetAsync("/api/v1/me/export");
        var json = await res.ExpectAsync(200);
        var text = json.GetRawText();
        Assert.Equal("13800000001", json.GetProperty("account").GetProperty("profile").GetProperty("phone").GetString());
        Assert.NotEmpty(json.GetProperty("account").GetProperty("logins").EnumerateArray());
        Assert.NotEmpty(json.GetProperty("wallet").GetProperty("cards").EnumerateArray());
        Assert.NotEmpty(json.GetProperty("wallet").GetProperty("transactions").EnumerateArray());
        Assert.NotEmpty(json.GetProperty("complaints").GetProperty("cases").EnumerateArray());
        Assert.DoesNotContain("13800000002", text);
        Assert.DoesNotContain("lina@", text);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("totpSecret", text, StringComparison.OrdinalIgnoreCase);
        var lina = await f.UserIdAsync("13800000002");
        Assert.DoesNotContain(lina.ToString(), text);
        Assert.Contains("privacy.exported", await f.AuditActionsAsync());

        await (await (await f.ClientForAsync("agent1")).GetAsync("/api/v1/me/export")).ExpectAsync(403);
        await (await f.CreateClient().GetAsync("/api/v1/me/export")).ExpectAsync(401);
    }
}
