using MimeKit;
using WalletCare.Channels.Email;
using Xunit;

namespace WalletCare.Channels.Tests;

/// <summary>What is kept of a customer's mail: their words, no markup, no quoted history, no signature.</summary>
public sealed class MailTextTests
{
    [Fact]
    public void Html_mail_becomes_plain_text_without_script_style_or_tags()
    {
        var m = new MimeMessage();
        m.Body = new BodyBuilder { HtmlBody = "<html><head><style>p{color:red}</style></head><body><p>退款&amp;没到账</p><script>alert('x')</script><img src=x onerror=alert(1)><b>订单 123</b></body></html>" }.ToMessageBody();
        var text = MailText.Extract(m);
        Assert.Contains("退款&没到账", text);
        Assert.Contains("订单 123", text);
        Assert.DoesNotContain("<", text);
        Assert.DoesNotContain("alert", text);
        Assert.DoesNotContain("color", text);
    }

    [Theory]
    [InlineData("收到，谢谢。\n\n在 2026年11月24日 周二 10:00，客服 写道：\n> 您好")]
    [InlineData("收到，谢谢。\nOn Tue, Nov 24, 2026 at 10:00 AM WalletCare <support@walletcare.local> wrote:\n> hello")]
    [InlineData("收到，谢谢。\n-----Original Message-----\nFrom: support")]
    [InlineData("收到，谢谢。\n-- \n张伟\n13800000001")]
    [InlineData("收到，谢谢。\n\n发自我的iPhone")]
    public void Quoted_history_and_signatures_are_cut(string body) => Assert.Equal("收到，谢谢。", MailText.Trim(body));

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "auto_submitted")]
    [InlineData("Auto-Submitted", "auto-generated", "auto_submitted")]
    [InlineData("Precedence", "bulk", "precedence")]
    [InlineData("Precedence", "list", "precedence")]
    [InlineData("X-Autoreply", "yes", "autoreply")]
    [InlineData("List-Id", "<news.example>", "list")]
    [InlineData("Return-Path", "<>", "null_sender")]
    public void Machine_mail_is_recognised(string header, string value, string reason)
    {
        var m = ChannelTestKit.Mail("someone@example.com", "hi", "hi");
        m.Headers.Add(header, value);
        Assert.Equal(reason, MailTriage.MachineReason(m));
    }

    [Fact]
    public void A_person_writing_is_not_machine_mail_even_with_auto_submitted_no()
    {
        var m = ChannelTestKit.Mail("someone@example.com", "hi", "hi");
        m.Headers.Add("Auto-Submitted", "no");
        Assert.Null(MailTriage.MachineReason(m));
    }
}
