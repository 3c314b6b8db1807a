using System.IO.Compression;
using System.Text;
using WalletCare.Cases.Evidence;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>Issue #16: uploads keep only the picture or the passive document, under a readable, harmless name.</summary>
public sealed class EvidenceHardeningTests
{
    private static byte[] Pdf(string body) => Encoding.Latin1.GetBytes("%PDF-1.7\n" + body + "\ntrailer <<>>\n%%EOF\n");

    private static byte[] ZipBytes()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        using (var w = new StreamWriter(zip.CreateEntry("payload.js").Open())) w.Write("alert('PAYLOAD-MARK')");
        return ms.ToArray();
    }

    private static byte[] FlateStream(string text)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true)) z.Write(Encoding.Latin1.GetBytes(text));
        var data = ms.ToArray();
        var head = Encoding.Latin1.GetBytes($"%PDF-1.7\n1 0 obj << /Type /ObjStm /Filter /FlateDecode /Length {data.Length} >>\nstream\n");
        return head.Concat(data).Concat(Encoding.Latin1.GetBytes("\nendstream\nendobj\ntrailer <<>>\n%%EOF\n")).ToArray();
    }

    [Fact]
    public async Task A_jpeg_keeps_nothing_after_its_end_marker_and_a_hostile_name_is_cleaned()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.NewCustomerAsync();
        var id = (await customer.FileAsync()).Id();
        var jpeg = TestImages.JpegWithGps();
        var polyglot = jpeg.Concat(ZipBytes()).ToArray();
        var a = await (await customer.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File(polyglot, "..\\..\\收据\u202Egpj.exe\u0000.jpg"))).ExpectAsync(201);
        var name = a.GetProperty("fileName").GetString()!;
        Assert.Equal("收据gpj.exe.jpg", name);
        var stored = await (await customer.GetAsync($"/api/v1/complaints/{id}/attachments/{a.Id()}")).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD9], stored[^2..]);
        Assert.False(TestImages.Contains(stored, "PAYLOAD-MARK"u8));
        Assert.False(TestImages.Contains(stored, "PK\u0003\u0004"u8));
        Assert.False(TestImages.Contains(stored, "GPS-SECRET"u8));
    }

    [Theory]
    [InlineData("1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj")]
    [InlineData("2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj")]
    [InlineData("2 0 obj << /S /Launch /F (calc.exe) >> endobj")]
    [InlineData("3 0 obj << /Type /EmbeddedFile >> endobj")]
    [InlineData("1 0 obj << /Type /Catalog /Open#41ction 2 0 R >> endobj")]
    public async Task A_pdf_with_active_content_is_refused(string body)
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.NewCustomerAsync();
        var id = (await customer.FileAsync()).Id();
        await (await customer.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File(Pdf(body), "r.pdf", "application/pdf")))
            .ExpectAsync(415, "ATTACHMENT_ACTIVE_CONTENT");
        Assert.Equal(0, await f.EventsAsync(id, "attachment"));
    }

    [Fact]
    public void Active_content_hidden_in_a_compressed_object_stream_is_found()
    {
        var problem = Assert.Throws<WalletCare.Platform.Errors.AppProblem>(() => PdfCheck.Require(FlateStream("<< /Type /Catalog /OpenAction << /S /JavaScript /JS (x) >> >>")));
        Assert.Equal("ATTACHMENT_ACTIVE_CONTENT", problem.Code);
        PdfCheck.Require(FlateStream("BT /F1 12 Tf (plain receipt) Tj ET"));
        PdfCheck.Require(Pdf("1 0 obj << /Type /Catalog /JSONish 1 /BaseFont /JS-Bold >> endobj")); // names that only start with /JS are not script
        Assert.Throws<WalletCare.Platform.Errors.AppProblem>(() => PdfCheck.Require(Pdf("2 0 obj <</S/JavaScript/JS(x)>> endobj")));
    }

    [Theory]
    [InlineData("%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF")]
    [InlineData("%PDF-1.4\n<!doctype html><p>hi</p>")]
    public async Task Html_behind_a_pdf_header_is_refused(string content)
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.NewCustomerAsync();
        var id = (await customer.FileAsync()).Id();
        await (await customer.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File(Encoding.ASCII.GetBytes(content), "r.pdf", "application/pdf")))
            .ExpectAsync(415, "ATTACHMENT_TYPE_NOT_ALLOWED");
        var plain = await (await customer.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File(Pdf("1 0 obj <<>> endobj"), "ok.pdf", "application/pdf"))).ExpectAsync(201);
        Assert.Equal("ok.pdf", plain.GetProperty("fileName").GetString());
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\x\\..\\receipt.png", "receipt.png")]
    [InlineData("a..b.jpg", "a.b.jpg")]
    [InlineData("\u0000\u202E", "evidence")]
    [InlineData("..", "evidence")]
    [InlineData(null, "evidence")]
    public void File_names_lose_paths_controls_and_dot_dot(string? raw, string expected) =>
        Assert.Equal(expected, EvidenceUpload.SafeFileName(raw));

    [Fact]
    public void A_long_file_name_is_cut_to_100_characters_keeping_its_extension()
    {
        var name = EvidenceUpload.SafeFileName(new string('回', 300) + ".jpeg");
        Assert.Equal(100, name.Length);
        Assert.EndsWith(".jpeg", name, StringComparison.Ordinal);
    }
}
