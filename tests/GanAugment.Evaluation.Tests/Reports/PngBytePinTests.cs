using GanAugment.Data.Writers.Charts;
using System.Security.Cryptography;
using GanAugment.Evaluation.Reports;

namespace GanAugment.Evaluation.Tests.Reports;

/// <summary>
/// Pins the exact bytes of a saved chart sheet (SHA-256, first 16 hex digits), so swapping the
/// CRC-32, the PNG encoder or the atomic writer underneath cannot move a byte. The pixels are a
/// fixed pattern rather than a ScottPlot rendering, whose anti-aliasing may differ by a level
/// between SkiaSharp builds and CPUs; the charts' own tests check what they draw.
/// </summary>
public sealed class PngBytePinTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_chart_sheet_saves_the_pinned_bytes()
    {
        var pixels = new byte[64 * 40 * 3];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 7 % 251);
        var image = new GanAugment.Data.Images.RawImage(64, 40, 3, pixels);
        var path = Path.Combine(_temp.Path, "chart.png");
        ChartGrid.Save(path, [image, image], columns: 2);
        Assert.Equal("94FCFCF02B7B47BA", Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))[..16]);
    }
}
