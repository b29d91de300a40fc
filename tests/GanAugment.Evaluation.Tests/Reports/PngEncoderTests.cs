using GanAugment.Data.Writers.Charts;
using System.Buffers.Binary;
using GanAugment.Data;
using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;
using GanAugment.Evaluation.Reports;

namespace GanAugment.Evaluation.Tests.Reports;

/// <summary>Charts are saved with the shared <see cref="PngEncoder"/>, every row unfiltered.</summary>
public sealed class PngEncoderTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] Gradient(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < rgb.Length; i++)
        {
            rgb[i] = (byte)(i * 7 % 251);
        }

        return rgb;
    }

    [Fact]
    public void Unfiltered_EveryRowHasFilterTypeZero()
    {
        var png = PngEncoder.Encode(new RawImage(5, 3, 3, Gradient(5, 3)), PngRowFilters.None);
        var chunks = PngChunks.Read(png, "t.png");
        Assert.Equal((5, 3, PngColorType.Rgb), (chunks.Header.Width, chunks.Header.Height, chunks.Header.ColorType));
        using var inflated = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(chunks.ImageData), System.IO.Compression.CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var rows = inflated.ToArray();
        Assert.Equal(3 * (1 + 5 * 3), rows.Length);
        Assert.All(Enumerable.Range(0, 3), y => Assert.Equal(0, rows[y * 16]));
        // IEND has no data, so its CRC is the CRC of "IEND" alone, fixed by the spec.
        Assert.Equal(0xAE426082u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(png.Length - 4)));
    }

    [Fact]
    public void RoundTrip_PixelsDecodeUnchanged()
    {
        var rgb = Gradient(17, 9);
        var decoded = PngDecoder.Decode(PngEncoder.Encode(new RawImage(17, 9, 3, rgb), PngRowFilters.None), "t.png");
        Assert.Equal((17, 9), (decoded.Width, decoded.Height));
        Assert.Equal(rgb, decoded.Pixels);
    }
}
