using WalletCare.Documents;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Server.Tests;

public sealed class PdfReportTests
{
    [Fact]
    public async Task Chinese_text_is_real_extractable_text_across_pages()
    {
        if (!PdfReport.FontCandidates.Any(File.Exists))
            Assert.Skip("SKIPPED: Noto Sans CJK font not installed (apt-get install fonts-noto-cjk); runs in CI.");
        var report = new PdfReport("投诉档案 WC-2026-000123")
            .Heading("基本信息")
            .Field("投诉编号", "WC-2026-000123")
            .Field("类别", "退款未到账")
            .Table(["时间", "操作人", "内容"], Enumerable.Range(1, 80).Select(i => (IReadOnlyList<string>)[$"2026-11-{i % 28 + 1:D2} 10:00", "客服 王芳", $"第{i}条记录：已联系商户核实退款进度"]), [0.25f, 0.2f, 0.55f]);
        var pdf = report.Render();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = await PdfText.ExtractAsync(pdf);
        Assert.Contains("WC-2026-000123", text);
        Assert.Contains("退款未到账", text);
        Assert.Contains("第80条记录", text);
    }
}
