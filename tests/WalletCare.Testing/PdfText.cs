using System.Diagnostics;
using Xunit;

namespace WalletCare.Testing;

/// <summary>Extracts a PDF's text with poppler's pdftotext, as a reader or a court would.</summary>
public static class PdfText
{
    public const string Tool = "/usr/bin/pdftotext";

    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        if (!File.Exists(Tool))
            Assert.Skip($"SKIPPED: {Tool} not found (apt-get install poppler-utils); PDF text checks run in CI.");
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var p = Process.Start(new ProcessStartInfo(Tool, [path, "-"]) { RedirectStandardOutput = true })!;
            var text = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.Equal(0, p.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
