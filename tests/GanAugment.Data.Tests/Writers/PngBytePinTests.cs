using System.Security.Cryptography;
using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;
using GanAugment.Data.Writers;

namespace GanAugment.Data.Tests.Writers;

/// <summary>
/// Pins the exact bytes of PNG files the Data writers produce (SHA-256, first 16 hex digits), so
/// swapping the CRC-32, the encoder or the atomic writer underneath cannot move a byte. The grids
/// carry no captions: those are drawn by SkiaSharp, whose anti-aliasing may differ by a level
/// between builds and CPUs (ImageGridWriterTests checks them).
/// </summary>
public class PngBytePinTests
{
    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes))[..16];

    private static RawImage Pattern(int width, int height, int channels) =>
        new(width, height, channels, [.. Enumerable.Range(0, width * height * channels).Select(i => (byte)(i * 37 % 253 ^ i / 7))]);

    [Fact]
    public void Grey_and_rgb_images_encode_to_the_pinned_bytes()
    {
        Assert.Equal("97014E52852D48D9", Hash(PngEncoder.Encode(Pattern(37, 23, 1))));
        Assert.Equal("D7F68EDE91D9363A", Hash(PngEncoder.Encode(Pattern(19, 11, 3))));
    }

    [Fact]
    public void A_grid_of_float_images_writes_the_pinned_bytes()
    {
        using var dir = new TempDir();
        var batch = Enumerable.Range(0, 6 * 3 * 9 * 9).Select(i => MathF.Sin(i * 0.37f)).ToArray();
        var path = dir.PathOf("grid.png");
        ImageGridWriter.WriteChw(path, batch, 6, 3, 9, 9, PixelRange.MinusOneToOne, columns: 3);
        Assert.Equal("62B6F8745F3A25E9", Hash(File.ReadAllBytes(path)));
        var unit = batch.Select(v => v * v).ToArray();
        ImageGridWriter.WriteChw(path, unit, 6, 1, 9, 27, PixelRange.ZeroToOne, columns: 2);
        Assert.Equal("54671DAF5DD9B739", Hash(File.ReadAllBytes(path)));
    }
}
