using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;

namespace WalletCare.Channels.Email;

/// <summary>
/// What the customer wrote this time: the plain text (or the HTML reduced to text — no markup ever reaches
/// the timeline), without the quoted history their client appended and without their signature.
/// </summary>
public static partial class MailText
{
    public const int MaxLength = 8000;

    public static string Extract(MimeMessage m)
    {
        var text = m.TextBody;
        if (string.IsNullOrWhiteSpace(text) && m.HtmlBody is { } html) text = HtmlToText(html);
        return Trim(text ?? "");
    }

    /// <summary>Text content of the HTML only; script/style content is dropped, entities decoded. The result is shown as plain text.</summary>
    public static string HtmlToText(string html)
    {
        var sb = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var skip = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head:
                    if (tag.IsEndTag) skip = Math.Max(0, skip - 1); else if (!tag.IsEmptyElement) skip++;
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.BlockQuote:
                    if (tag.Id == HtmlTagId.BlockQuote && !tag.IsEndTag) sb.Append("\n> ");
                    sb.Append('\n');
                    break;
                case HtmlDataToken data when skip == 0:
                    sb.Append(WebUtility.HtmlDecode(data.Data));
                    break;
            }
        }
        return WhiteRuns().Replace(sb.ToString(), "\n\n");
    }

    /// <summary>Cuts at the first quote header ("On … wrote:", "在 … 写道：", "-----Original Message-----", "发件人:") or signature ("-- ").</summary>
    public static string Trim(string text)
    {
        var kept = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line == "--" || line == "-- " || raw == "-- ") break;
            if (QuoteHeader().IsMatch(line)) break;
            if (line.StartsWith('>')) continue;
            kept.Add(line);
        }
        var result = string.Join('\n', kept).Trim();
        return result.Length > MaxLength ? result[..MaxLength] : result;
    }

    [GeneratedRegex(@"^(On .+wrote:|在.+写道[:：]|-{2,}\s*Original Message\s*-{2,}|-{2,}\s*原始邮件\s*-{2,}|(From|发件人)\s*[:：].+|________________+|Sent from my |发自我的)", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"\n\s*\n(\s*\n)+")]
    private static partial Regex WhiteRuns();
}
