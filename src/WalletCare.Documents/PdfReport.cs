using SkiaSharp;
using WalletCare.Platform.Errors;

namespace WalletCare.Documents;

/// <summary>
/// A plain A4 report (title, headings, wrapped paragraphs, key–value rows, simple tables) rendered
/// with SkiaSharp's PDF backend and an embedded Noto Sans CJK SC font so Chinese text is real text
/// (extractable with pdftotext), never tofu boxes. Missing font → a clear problem, not a bad PDF.
/// </summary>
public sealed class PdfReport
{
    public static readonly WalletCare.Platform.Errors.ErrorCode FontMissingCode = new("PDF_FONT_MISSING", 503);
    public static readonly string[] FontCandidates =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
        "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    ];

    private const float PageWidth = 595f, PageHeight = 842f, Margin = 48f;
    private readonly List<Action<Renderer>> _blocks = [];

    public string Title { get; }

    public PdfReport(string title)
    {
        Title = title;
        _blocks.Add(r => r.Text(title, 18, bold: true, spacingAfter: 10));
    }

    public PdfReport Heading(string text)
    {
        _blocks.Add(r => { r.Gap(6); r.Text(text, 13, bold: true, spacingAfter: 4); r.Rule(); });
        return this;
    }

    public PdfReport Paragraph(string text, float size = 10)
    {
        _blocks.Add(r => r.Text(text, size, spacingAfter: 4));
        return this;
    }

    public PdfReport Field(string label, string? value)
    {
        _blocks.Add(r => r.Text($"{label}：{value ?? "—"}", 10, spacingAfter: 2));
        return this;
    }

    /// <summary>A table drawn as aligned columns; long cells wrap inside their column.</summary>
    public PdfReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<float>? widths = null)
    {
        var materialised = rows.ToList();
        _blocks.Add(r => r.Table(headers, materialised, widths));
        return this;
    }

    public static SKTypeface LoadFont()
    {
        foreach (var path in FontCandidates.Where(File.Exists))
        {
            // Index 2 of the .ttc is Simplified Chinese; an .otf has a single face.
            var tf = path.EndsWith(".ttc", StringComparison.Ordinal) ? SKTypeface.FromFile(path, 2) : SKTypeface.FromFile(path);
            if (tf is not null) return tf;
        }
        throw new AppProblem(FontMissingCode);
    }

    public byte[] Render()
    {
        using var typeface = LoadFont();
        using var stream = new MemoryStream();
        using (var doc = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = Title, Creator = "WalletCare", Producer = "WalletCare" }))
        {
            var r = new Renderer(doc, typeface);
            foreach (var b in _blocks) b(r);
            r.Finish();
            doc.Close();
        }
        return stream.ToArray();
    }

    private sealed class Renderer(SKDocument doc, SKTypeface typeface)
    {
        private SKCanvas? _canvas;
        private float _y;
        private int _page;

        private SKCanvas Canvas => _canvas ?? NewPage();

        private SKCanvas NewPage()
        {
            if (_canvas is not null) { Footer(); doc.EndPage(); }
            _canvas = doc.BeginPage(PageWidth, PageHeight);
            _page++;
            _y = Margin;
            return _canvas;
        }

        private void Footer()
        {
            using var font = new SKFont(typeface, 8);
            using var paint = new SKPaint { Color = SKColors.Gray, IsAntialias = true };
            _canvas!.DrawText($"- {_page} -", PageWidth / 2 - 10, PageHeight - Margin / 2, SKTextAlign.Left, font, paint);
        }

        private void Ensure(float height)
        {
            if (_canvas is null || _y + height > PageHeight - Margin) NewPage();
        }

        public void Gap(float h) => _y += h;

        public void Rule()
        {
            using var p = new SKPaint { Color = SKColors.LightGray, StrokeWidth = 0.5f };
            Canvas.DrawLine(Margin, _y, PageWidth - Margin, _y, p);
            _y += 4;
        }

        public void Text(string text, float size, bool bold = false, float spacingAfter = 0, float x = Margin, float width = PageWidth - 2 * Margin)
        {
            using var font = new SKFont(typeface, size) { Embolden = bold, Subpixel = true };
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            foreach (var line in Wrap(text, font, width))
            {
                Ensure(size * 1.5f);
                _y += size * 1.2f;
                Canvas.DrawText(line, x, _y, SKTextAlign.Left, font, paint);
                _y += size * 0.3f;
            }
            _y += spacingAfter;
        }

        public void Table(IReadOnlyList<string> headers, List<IReadOnlyList<string>> rows, IReadOnlyList<float>? widths)
        {
            var total = PageWidth - 2 * Margin;
            var w = widths ?? Enumerable.Repeat(1f / headers.Count, headers.Count).ToList();
            using var font = new SKFont(typeface, 8.5f);
            using var bold = new SKFont(typeface, 8.5f) { Embolden = true };
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var rule = new SKPaint { Color = SKColors.LightGray, StrokeWidth = 0.5f };
            void Row(IReadOnlyList<string> cells, SKFont f)
            {
                var wrapped = cells.Select((c, i) => Wrap(c, f, w[i] * total - 4).ToList()).ToList();
                var lines = Math.Max(1, wrapped.Max(l => l.Count));
                var h = lines * 11f + 4;
                Ensure(h);
                var x = Margin;
                for (var i = 0; i < wrapped.Count; i++)
                {
                    for (var l = 0; l < wrapped[i].Count; l++) Canvas.DrawText(wrapped[i][l], x, _y + 10 + l * 11f, SKTextAlign.Left, f, paint);
                    x += w[i] * total;
                }
                _y += h;
                Canvas.DrawLine(Margin, _y - 2, PageWidth - Margin, _y - 2, rule);
            }
            Row(headers, bold);
            foreach (var r in rows) Row(r, font);
            _y += 4;
        }

        /// <summary>Greedy wrap by measured width; works for CJK (no spaces) and Latin text.</summary>
        private static IEnumerable<string> Wrap(string text, SKFont font, float width)
        {
            foreach (var para in (text ?? "").Replace("\r", "").Split('\n'))
            {
                var line = "";
                foreach (var ch in para.EnumerateRunes())
                {
                    var candidate = line + ch;
                    if (font.MeasureText(candidate) > width && line.Length > 0)
                    {
                        var cut = line.LastIndexOf(' ');
                        if (cut > line.Length / 2 && !char.IsWhiteSpace(ch.ToString()[0]))
                        {
                            yield return line[..cut];
                            line = line[(cut + 1)..] + ch;
                        }
                        else
                        {
                            yield return line;
                            line = ch.ToString().TrimStart();
                        }
                    }
                    else line = candidate;
                }
                yield return line;
            }
        }

        public void Finish()
        {
            if (_canvas is null) NewPage();
            Footer();
            doc.EndPage();
        }
    }
}
