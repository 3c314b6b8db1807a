using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using WalletCare.Cases;
using WalletCare.Channels.Email;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Outbox;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Channels.Tests;

/// <summary>E-mail in and out against a real SMTP server (aiosmtpd) started by the test.</summary>
public sealed class EmailChannelTests
{
    private static async Task<JsonElement> PostOkAsync(WalletCareFactory f, MimeMessage m) => await (await f.PostMailAsync(m)).ExpectAsync(200);

    private static Task<int> CasesOfAsync(WalletCareFactory f, Guid customerId) =>
        f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.CountAsync(c => c.CustomerId == customerId));

    private static Task<int> OutboxCountAsync(WalletCareFactory f) =>
        f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Set<OutboxMessage>().CountAsync());

    private static Task<Guid> ZhangWeiAsync(WalletCareFactory f) =>
        f.ScopedAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000001"))!.Id);

    [Fact]
    public async Task Mail_from_a_customer_opens_a_case_with_evidence_the_reply_leaves_by_smtp_and_replies_thread()
    {
        if (!MailServers.HasAiosmtpd()) { Console.WriteLine("SKIPPED: /usr/bin/python3 with aiosmtpd (python3-aiosmtpd) is missing"); return; }
        using var smtp = new MailServers.Smtp();
        await using var f = new WalletCareFactory(configure: s =>
            s.Replace(ServiceDescriptor.Singleton<IEmailSender>(new SmtpEmailSender(new SmtpSettings("127.0.0.1", smtp.Port, null, null, "support@walletcare.local")))));

        var firstMail = ChannelTestKit.Mail(ChannelTestKit.ZhangWei, "退款没到账", "你好，退款三天了还没到账。\n\n-- \n张伟\n手机 13800000001", ChannelTestKit.Jpeg());
        var first = await PostOkAsync(f, firstMail);
        Assert.Equal("case", first.GetProperty("outcome").GetString());
        var caseId = first.GetProperty("caseId").GetString()!;
        var agent = await f.ClientForAsync("agent1");
        var ticket = await (await agent.GetAsync($"/api/v1/agent/tickets/{caseId}")).ExpectAsync(200);
        var number = ticket.GetProperty("case").GetProperty("number").GetString()!;
        Assert.Equal("email", ticket.GetProperty("case").GetProperty("channel").GetString());
        var attachments = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Attachments.Where(a => a.CaseId == Guid.Parse(caseId)).ToListAsync());
        Assert.Equal("image/jpeg", Assert.Single(attachments).ContentType);
        var description = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.Where(c => c.Id == Guid.Parse(caseId)).Select(c => c.Description).FirstAsync());
        Assert.DoesNotContain("13800000001", description); // the signature was trimmed

        (await agent.PostAsJsonAsync($"/api/v1/agent/tickets/{caseId}/replies", new { body = "您好，退款已加急处理。" })).EnsureSuccessStatusCode();
        var row = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Set<OutboxMessage>().SingleAsync(o => o.CaseId == Guid.Parse(caseId) && o.Channel == OutboxChannels.Email));
        Assert.Equal(OutboxChannels.Email, row.Channel);
        Assert.Equal(ChannelTestKit.ZhangWei, row.To);
        Assert.Contains($"[{number}]", row.Subject);
        // The outbox job (notifications area) hands rows to IEmailSender; here the row goes to the real SMTP server directly.
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.HeadersJson!)!;
        await f.Scoped(sp => sp.GetRequiredService<IEmailSender>()).SendAsync(new EmailToSend(row.To!, row.Subject, row.Body, null, headers));
        var sent = await MimeMessage.LoadAsync(Assert.Single(smtp.Messages()));
        Assert.StartsWith($"case-{number}-", sent.MessageId);
        Assert.Equal(MailThreading.Normalize(firstMail.MessageId!), "<" + sent.InReplyTo + ">");
        Assert.Contains($"+{number}@", sent.ReplyTo.Mailboxes.Single().Address);

        var byHeaders = await PostOkAsync(f, ChannelTestKit.Mail(ChannelTestKit.ZhangWei, "Re: " + sent.Subject, "收到，谢谢。\n\n在 2026年11月24日 写道：\n> 您好", inReplyTo: sent.MessageId));
        Assert.Equal("thread", byHeaders.GetProperty("outcome").GetString());
        Assert.Equal(caseId, byHeaders.GetProperty("caseId").GetString());
        var bySubject = await PostOkAsync(f, ChannelTestKit.Mail(ChannelTestKit.ZhangWei, $"还有一个问题 [{number}]", "补充：订单号 12345"));
        Assert.Equal("thread", bySubject.GetProperty("outcome").GetString());
        Assert.Equal(caseId, bySubject.GetProperty("caseId").GetString());
        var messages = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Events
            .Where(e => e.CaseId == Guid.Parse(caseId) && e.Kind == TimelineKinds.Message).Select(e => e.Body).ToListAsync());
        Assert.Equal(["收到，谢谢。", "补充：订单号 12345"], messages);
        var shown = (await (await agent.GetAsync($"/api/v1/agent/tickets/{caseId}")).ExpectAsync(200)).GetProperty("case").GetProperty("timeline").ToString();
        Assert.Equal(3, shown.Split("渠道：邮件").Length - 1); // the case and both e-mailed messages say they came by e-mail
    }

    [Fact]
    public async Task Auto_replies_and_bounces_create_nothing_and_send_nothing()
    {
        await using var f = new WalletCareFactory();
        var customer = await ZhangWeiAsync(f);
        var before = await CasesOfAsync(f, customer);
        var outboxBefore = await OutboxCountAsync(f); // the demo cases' own events
        var auto = ChannelTestKit.Mail(ChannelTestKit.ZhangWei, "自动回复：我正在休假", "我正在休假，回来后回复您。");
        auto.Headers.Add("Auto-Submitted", "auto-replied");
        var vacation = ChannelTestKit.Mail(ChannelTestKit.ZhangWei, "Out of office", "Away");
        vacation.Headers.Add("Precedence", "auto_reply");
        var bounce = new MimeMessage();
        bounce.From.Add(MailboxAddress.Parse("MAILER-DAEMON@mx.example"));
        bounce.To.Add(MailboxAddress.Parse("support@walletcare.local"));
        bounce.Subject = "Undelivered Mail Returned to Sender";
        bounce.Headers.Add(HeaderId.ReturnPath, "<>");
        var report = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "delivery failed" } };
        bounce.Body = report;
        foreach (var m in new[] { auto, vacation, bounce })
            Assert.Equal("ignored_auto", (await PostOkAsync(f, m)).GetProperty("outcome").GetString());
        Assert.Equal(before, await CasesOfAsync(f, customer));
        Assert.Equal(outboxBefore, await OutboxCountAsync(f));
        Assert.Equal(0, await f.Db(db => db.Items.CountAsync()));
    }

    [Fact]
    public async Task Strangers_wait_for_a_match_never_write_on_a_case_and_a_wrong_secret_is_refused()
    {
        await using var f = new WalletCareFactory();
        var opened = await PostOkAsync(f, ChannelTestKit.Mail(ChannelTestKit.ZhangWei, "账户问题", "请帮我看看。"));
        var number = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases
            .Where(c => c.Id == Guid.Parse(opened.GetProperty("caseId").GetString()!)).Select(c => c.Number).FirstAsync());
        var stranger = await PostOkAsync(f, ChannelTestKit.Mail("someone@elsewhere.example", $"关于 [{number}]", "我想看看这个投诉"));
        Assert.Equal("unmatched", stranger.GetProperty("outcome").GetString());
        var inbox = await (await (await f.ClientForAsync("agent1")).GetAsync("/api/v1/agent/channel-items")).ExpectAsync(200);
        Assert.Equal("someone@elsewhere.example", Assert.Single(inbox.EnumerateArray()).GetProperty("from").GetString());
        await (await (await f.ClientForAsync("13800000001")).GetAsync("/api/v1/agent/channel-items")).ExpectAsync(403);

        var itemId = Assert.Single(inbox.EnumerateArray()).GetProperty("id").GetString()!;
        var agent = await f.ClientForAsync("agent1");
        await (await agent.PostAsJsonAsync($"/api/v1/agent/channel-items/{itemId}/match", new { customer = "13999999999" })).ExpectAsync(400);
        var matched = await (await agent.PostAsJsonAsync($"/api/v1/agent/channel-items/{itemId}/match", new { customer = "+86 138 0000 0002" })).ExpectAsync(200);
        var lina = await f.ScopedAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000002"))!.Id);
        Assert.Equal(lina, await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases
            .Where(c => c.Id == Guid.Parse(matched.GetProperty("caseId").GetString()!)).Select(c => c.CustomerId).FirstAsync()));
        await (await agent.PostAsJsonAsync($"/api/v1/agent/channel-items/{itemId}/match", new { customer = "13800000002" })).ExpectAsync(409, "CHANNEL_ITEM_ALREADY_MATCHED");
        Assert.Empty((await (await agent.GetAsync("/api/v1/agent/channel-items")).ExpectAsync(200)).EnumerateArray());

        var forged = await f.PostMailAsync(ChannelTestKit.Mail(ChannelTestKit.ZhangWei, "伪造", "伪造"), secret: "wrong");
        await forged.ExpectAsync(401, "CHANNEL_SIGNATURE_INVALID");
        Assert.Equal(1, await f.Db(db => db.Items.CountAsync()));
    }

    [Fact]
    public async Task A_sender_over_the_hourly_limit_is_dropped_so_loops_stop()
    {
        await using var f = new WalletCareFactory();
        for (var i = 0; i < 10; i++) await PostOkAsync(f, ChannelTestKit.Mail("loop@elsewhere.example", "loop " + i, "x"));
        Assert.Equal("rate_limited", (await PostOkAsync(f, ChannelTestKit.Mail("loop@elsewhere.example", "loop 11", "x"))).GetProperty("outcome").GetString());
        f.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal("unmatched", (await PostOkAsync(f, ChannelTestKit.Mail("loop@elsewhere.example", "later", "x"))).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_failing_smtp_server_makes_the_send_throw_and_the_retry_sends_it_once()
    {
        if (!MailServers.HasAiosmtpd()) { Console.WriteLine("SKIPPED: /usr/bin/python3 with aiosmtpd (python3-aiosmtpd) is missing"); return; }
        using var smtp = new MailServers.Smtp();
        var sender = new SmtpEmailSender(new SmtpSettings("127.0.0.1", smtp.Port, null, null, "support@walletcare.local"));
        var mail = new EmailToSend(ChannelTestKit.ZhangWei, "Re: 退款 [WC-2026-000001]", "您好", null,
            new Dictionary<string, string> { ["Message-ID"] = "<case-WC-2026-000001-abc@walletcare.local>" });
        smtp.Failing = true;
        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(mail));
        Assert.Empty(smtp.Messages());
        smtp.Failing = false;
        await sender.SendAsync(mail);
        var sent = await MimeMessage.LoadAsync(Assert.Single(smtp.Messages()));
        Assert.Equal("case-WC-2026-000001-abc@walletcare.local", sent.MessageId);
    }
}

/// <summary>
/// The whole road of an e-mailed reply (issue #13): the reply is recorded in the outbox with the case's change, the
/// notifications area's outbox job hands it to the SMTP sender, a server that is down is retried on the backoff
/// schedule, and the customer receives it exactly once when the server is back.
/// </summary>
public sealed class EmailRetryThroughOutboxTests
{
    [Fact]
    public async Task A_reply_while_the_smtp_server_fails_is_retried_by_the_outbox_job_and_arrives_exactly_once()
    {
        if (!MailServers.HasAiosmtpd()) { Console.WriteLine("SKIPPED: /usr/bin/python3 with aiosmtpd (python3-aiosmtpd) is missing"); return; }
        using var smtp = new MailServers.Smtp();
        await using var f = new WalletCareFactory(configure: s =>
            s.Replace(ServiceDescriptor.Singleton<IEmailSender>(new SmtpEmailSender(new SmtpSettings("127.0.0.1", smtp.Port, null, null, "support@walletcare.local")))));
        var first = await (await f.PostMailAsync(ChannelTestKit.Mail(ChannelTestKit.ZhangWei, "提现没到账", "提现两天了还没到账。"))).ExpectAsync(200);
        var caseId = Guid.Parse(first.GetProperty("caseId").GetString()!);
        var agent = await f.ClientForAsync("agent1");

        smtp.Failing = true;
        (await agent.PostAsJsonAsync($"/api/v1/agent/tickets/{caseId}/replies", new { body = "您好，提现已在处理。" })).EnsureSuccessStatusCode();
        Task<int> Drain() => f.ScopedAsync(sp => sp.GetRequiredService<WalletCare.Notifications.Outbox.OutboxDrainer>().DrainOnceAsync());
        Task<List<OutboxMessage>> Mails() => f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Set<OutboxMessage>()
            .Where(o => o.CaseId == caseId && o.Channel == OutboxChannels.Email).ToListAsync());

        await Drain();
        var failed = Assert.Single(await Mails()); // the reply itself; no second "you have a reply" mail for an e-mailed case
        Assert.Equal((OutboxStates.Pending, 1), (failed.State, failed.Attempts));
        Assert.Empty(smtp.Messages());

        smtp.Failing = false;
        f.Time.Advance(WalletCare.Notifications.Outbox.OutboxDrainer.Backoff[0]);
        await Drain();
        f.Time.Advance(TimeSpan.FromHours(1));
        await Drain();
        var sent = Assert.Single(await Mails());
        Assert.Equal((OutboxStates.Sent, 2), (sent.State, sent.Attempts));
        var delivered = await MimeMessage.LoadAsync(Assert.Single(smtp.Messages()));
        Assert.Contains("您好，提现已在处理。", delivered.TextBody);
    }
}
