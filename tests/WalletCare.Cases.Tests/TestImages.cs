using System.Text;
using SkiaSharp;

namespace WalletCare.Cases.Tests;

internal static class TestImages
{
    public static byte[] Png()
    {
        using var bmp = new SKBitmap(16, 16);
        bmp.Erase(SKColors.OrangeRed);
        using var data = bmp.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A real 32×32 JPEG with an APP1 Exif segment holding a GPS IFD (and a marker string to look for).</summary>
    public static byte[] JpegWithGps()
    {
        using var bmp = new SKBitmap(32, 32);
        bmp.Erase(SKColors.SteelBlue);
        using var data = bmp.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        // TIFF (little endian) with IFD0 holding one entry: GPSInfo (0x8825) → GPS IFD with GPSLatitudeRef 'N'.
        var tiff = new List<byte> { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0 };
        tiff.AddRange([1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0]); // IFD0: 1 entry → GPS IFD at 26
        tiff.AddRange([1, 0, 1, 0, 2, 0, 2, 0, 0, 0, (byte)'N', 0, 0, 0, 0, 0, 0, 0]); // GPS IFD: LatitudeRef = "N"
        tiff.AddRange(Encoding.ASCII.GetBytes("GPS-SECRET 31.2304N 121.4737E"));
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var len = payload.Length + 2;
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(len >> 8), (byte)(len & 0xFF) }.Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).ToArray();
    }

    public static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
