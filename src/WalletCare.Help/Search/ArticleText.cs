using Ganss.Xss;
using Markdig;

namespace WalletCare.Help.Search;

/// <summary>Markdown to safe HTML for the page, and to plain text for the index.</summary>
public static class ArticleText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();

    /// <summary>
    /// Markdig passes raw HTML through (articles are written by staff, and a stolen agent account must not
    /// become stored XSS), so the output always goes through HtmlSanitizer's allow-list.
    /// </summary>
    public static string Html(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer.Sanitize(html);
    }

    public static string PlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();
}
