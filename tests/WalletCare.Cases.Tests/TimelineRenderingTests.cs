using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WalletCare.Cases.Timeline;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Http;
using WalletCare.Platform.Persistence;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>Issue #10: every timeline kind reads as words in both languages, for both kinds of reader.</summary>
public sealed partial class TimelineRenderingTests
{
    // The same resource lookup the host registers (AddLocalization, no ResourcesPath), without starting a host per case.
    private static readonly TimelineRenderer Renderer = new(new StringLocalizer<Resources.CaseText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private static readonly DateTime At = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>Typical arguments per kind, as the writers store them.</summary>
    private static (TimelineArgs Args, string Body) Sample(string kind) => kind switch
    {
        TimelineKinds.Created => (new() { Category = "refund_not_received", Channel = "third_party", Priority = "P2", AmountInvolvedMinor = 123_456 }, "退款没到账"),
        TimelineKinds.Message => (new() { Channel = "email" }, "请核实"),
        TimelineKinds.Reply or TimelineKinds.InternalNote => (TimelineArgs.None, "请核实"),
        TimelineKinds.Assignment => (new() { AgentId = Guid.NewGuid(), AgentName = "李娜" }, ""),
        TimelineKinds.StatusChange => (new() { From = "pending_customer", To = "resolved", ReasonCode = "auto_closed_after_7_days" }, ""),
        TimelineKinds.Attachment => (new() { AttachmentId = Guid.NewGuid(), FileName = "收据.png", Sha256 = "ab", SizeBytes = 2048 }, ""),
        TimelineKinds.Escalation => (new() { From = "P3", To = "P2" }, "处理太慢"),
        TimelineKinds.Review => (new() { Decision = "return_to_agent" }, "请重新核实"),
        TimelineKinds.Merge => (new() { Number = "WC-2026-000123", MergeSide = "absorbed" }, ""),
        TimelineKinds.ExternalCase => (new() { Source = "consumer_association", Reference = "XF-1", DueAt = At }, ""),
        TimelineKinds.RegulatoryExtension => (new() { DueAt = At }, "案情复杂"),
        TimelineKinds.SlaWarning => (new() { Clock = "first_response", DueAt = At }, ""),
        TimelineKinds.SlaBreach => (new() { Clock = "next_response", DueAt = At, Level = 1 }, ""),
        TimelineKinds.Survey => (new() { Resolved = false, Attitude = 2, Speed = 3 }, "太慢"),
        TimelineKinds.RemedyExecuted => (new() { RemedyId = Guid.NewGuid(), RemedyType = "provisional_credit", AmountMinor = 500_000, Currency = "CNY" }, ""),
        TimelineKinds.RemedyFailed => (new() { RemedyType = "fee_reversal", AmountMinor = 1_200, Code = "LEDGER_UNAVAILABLE" }, ""),
        TimelineKinds.RemedyReversed => (new() { RemedyType = "provisional_credit", AmountMinor = 500_000 }, ""),
        TimelineKinds.ClaimDecision => (new() { Upheld = true }, "商户确认"),
        TimelineKinds.Call => (new() { CallDirection = "inbound", MaskedPhone = "138****0001", DurationSeconds = 3_725 }, "询问退款进度"),
        _ when kind.StartsWith("remedy_", StringComparison.Ordinal) => (new() { RemedyId = Guid.NewGuid(), RemedyType = "goodwill_credit", AmountMinor = 500_000 }, ""),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var kind in TimelineKinds.All)
            foreach (var culture in new[] { "zh-CN", "en-US" })
                foreach (var customer in new[] { true, false }) data.Add(kind, culture, customer);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_kind_renders_as_words(string kind, string culture, bool customerView)
    {
        var (args, body) = Sample(kind);
        var previous = CultureInfo.CurrentUICulture;
        List<RenderedEntry> rendered;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var viewer = customerView ? TimelineViewer.Customer : TimelineViewer.Staff("张伟");
            rendered = new[] { Roles.Customer, Roles.Agent, "system" }.Select(role => Renderer.Render(kind, role, body, args, viewer)).ToList();
        }
        finally { CultureInfo.CurrentUICulture = previous; }
        foreach (var e in rendered)
        {
            var all = e.Actor + " " + e.Text;
            Assert.False(string.IsNullOrWhiteSpace(e.Text));
            Assert.False(string.IsNullOrWhiteSpace(e.Actor));
            Assert.DoesNotMatch(UnderscoreKey(), all);
            Assert.DoesNotMatch(DottedKey(), all);
            // Strip what legitimately has digits (¥ amounts, dates, case numbers); a bare 3+ digit number left is a raw fen amount.
            Assert.DoesNotMatch(BareNumber(), Allowed().Replace(all, ""));
            Assert.DoesNotMatch(GuidText(), all);
            if (culture == "en-US") Assert.DoesNotMatch(Han(), e.Title);
        }
        if (kind is TimelineKinds.RemedyExecuted or TimelineKinds.RemedyReversed) Assert.Contains("¥5,000.00", rendered[0].Text);
    }

    [Theory]
    [InlineData("remedy", "remedy.proposed goodwill_credit 500000", null, "¥5,000.00")]
    [InlineData("remedy", "remedy.executed.refund", "{\"remedyId\":\"0193a000-0000-7000-8000-000000000001\",\"type\":\"refund\",\"amountMinor\":30000}", "¥300.00")]
    [InlineData("claim_decision", "claim.upheld", "{\"upheld\":true}", "诉求成立")]
    [InlineData("status_change", "auto_closed_after_7_days", "{\"from\":\"resolved\",\"to\":\"closed\"}", "自动关闭")]
    public void Rows_stored_in_the_old_text_form_still_read(string kind, string body, string? json, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var e = new Domain.CaseEvent { ActorRole = "system", Kind = kind, Body = body, DataJson = json, Public = true };
            var text = Renderer.Render(e, TimelineViewer.Customer).Text;
            Assert.Contains(expected, text);
            Assert.DoesNotMatch(UnderscoreKey(), text);
            Assert.DoesNotMatch(DottedKey(), text);
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    [Fact]
    public async Task The_agent_sees_the_customer_named_and_the_customer_sees_no_ids()
    {
        await using var f = WalletCareFactory.Create(Db.Sqlite);
        var customer = await f.ClientForAsync("13800000001");
        var agent = await f.ClientForAsync("agent1");
        var id = (await customer.FileAsync()).Id();
        await (await agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/replies", new { body = "正在核实" })).ExpectAsync(201);
        await (await agent.StatusAsync(id, "pending_customer", "请补充截图")).ExpectAsync(204);
        await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/messages", new { body = "已补充" })).ExpectAsync(201);

        var staffTimeline = (await agent.TicketAsync(id)).GetProperty("case").GetProperty("timeline").EnumerateArray().ToList();
        var filed = staffTimeline.First(e => e.GetProperty("kind").GetString() == TimelineKinds.Created);
        Assert.DoesNotContain("您", filed.GetProperty("actor").GetString());
        Assert.StartsWith("客户", filed.GetProperty("actor").GetString());

        var mine = await (await customer.GetAsync($"/api/v1/complaints/{id}")).ExpectAsync(200);
        var timeline = mine.GetProperty("timeline");
        Assert.DoesNotMatch(GuidText(), timeline.GetRawText());
        Assert.Equal("您", timeline.EnumerateArray().First().GetProperty("actor").GetString());
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("kind").GetString() == TimelineKinds.Reply && e.GetProperty("actor").GetString() == "客服");
    }

    [GeneratedRegex("[a-z]+_[a-z_]+")] private static partial Regex UnderscoreKey();
    [GeneratedRegex(@"\b[a-z_]+\.[a-z_]+")] private static partial Regex DottedKey();
    [GeneratedRegex(@"(?<![\d.,])\d{3,}(?![\d.,])")] private static partial Regex BareNumber();
    [GeneratedRegex(@"¥[\d,]+\.\d\d|\d{4}-\d\d-\d\d( \d\d:\d\d)?|WC-\d{4}-\d{6}|\d{3}\*{4}\d{4}")] private static partial Regex Allowed();
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")] private static partial Regex GuidText();
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")] private static partial Regex Han();
}
