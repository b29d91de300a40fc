using System.Buffers.Binary;
using GanAugment.Data;
using GanAugment.Evaluation.Reports;

namespace GanAugment.Evaluation.Tests.Reports;

public sealed class PngEncoderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ganaug-png-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

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
    public void Crc32_KnownCheckValue() =>
        // The standard check value of CRC-32/ISO-HDLC: CRC("123456789") = 0xCBF43926.
        Assert.Equal(0xCBF43926u, System.IO.Hashing.Crc32.HashToUInt32("123456789"u8));

    [Fact]
    public void Header_SignatureAndChunkCrcs()
    {
        var png = PngEncoder.Encode(Gradient(5, 3), 5, 3);
        var chunks = PngTestDecoder.Chunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        var header = chunks[0].Data;
        Assert.Equal(13, header.Length);
        Assert.Equal(5, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        // IEND has no data, so its CRC is the CRC of "IEND" alone, fixed by the spec.
        Assert.Equal(0xAE426082u, chunks[2].StoredCrc);
    }

    [Fact]
    public void RoundTrip_PixelsDecodeUnchanged()
    {
        var rgb = Gradient(17, 9);
        var (width, height, decoded) = PngTestDecoder.Decode(PngEncoder.Encode(rgb, 17, 9));
        Assert.Equal((17, 9), (width, height));
        Assert.Equal(rgb, decoded);
    }

    [Fact]
    public void WrongPixelCount_Throws() => Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[10], 2, 2));

    [Fact]
    public void Save_WritesThroughTmp_AndLeavesNoTmp()
    {
        var path = Path.Combine(_directory, "chart.png");
        File.WriteAllText(path, "old content");
        var canvas = new Canvas(4, 2, new Rgb(10, 20, 30));
        PngEncoder.Save(path, canvas);
        Assert.Equal(canvas.Pixels, PngTestDecoder.Decode(File.ReadAllBytes(path)).Rgb);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Save_IntoMissingDirectory_OneLineNamingTheFile()
    {
        var path = Path.Combine(_directory, "missing", "chart.png");
        var error = Assert.Throws<DataFormatException>(() => PngEncoder.Save(path, new Canvas(2, 2, Rgb.White)));
        Assert.StartsWith(path + ": cannot write", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
