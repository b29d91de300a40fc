using System.Buffers.Binary;
using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

public class PngErrorTests
{
    private static byte[] Valid(int width = 8, int height = 4) =>
        new PngBuilder(width, height, 8, PngColorType.Rgb, PngDecoderTests.Pattern(width, height, 3, 8)).Build();

    /// <summary>Reads <paramref name="bytes"/> from a real file and returns the error message, which must name the file and the byte offset.</summary>
    private static string ErrorOf(byte[] bytes, long offset)
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.png", bytes);
        var e = Assert.Throws<DataFormatException>(() => ImageFile.Read(path));
        Assert.StartsWith($"{path} (byte {offset}): ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    /// <summary>A file with the given IHDR fields and otherwise valid content.</summary>
    private static byte[] WithHeader(uint width, uint height, byte depth, byte type, byte compression = 0, byte filter = 0, byte interlace = 0)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        (ihdr[8], ihdr[9], ihdr[10], ihdr[11], ihdr[12]) = (depth, type, compression, filter, interlace);
        return Chunks(("IHDR", ihdr), ("IDAT", PngBuilder.Compress(new byte[64])), ("IEND", []));
    }

    private static byte[] Chunks(params (string Type, byte[] Data)[] chunks)
    {
        var file = new MemoryStream();
        file.Write(PngChunks.Signature);
        foreach (var (type, data) in chunks) PngBuilder.Chunk(file, type, data);
        return file.ToArray();
    }

    private static byte[] Ihdr(int width, int height, byte depth, PngColorType type) =>
        PngEncoder.HeaderBytes(new PngHeader(width, height, depth, type, false));

    [Fact]
    public void Bad_signature() =>
        Assert.Contains("bad signature", ErrorOf([0x89, .. "PNX\r\n\x1A\n"u8, .. Valid()[8..]], 0));

    [Fact]
    public void Bad_crc_names_the_chunk()
    {
        var bytes = Valid();
        bytes[8 + 8 + 3] ^= 1; // a byte of the width inside IHDR
        Assert.Contains("bad CRC in chunk IHDR", ErrorOf(bytes, 8));
    }

    [Fact]
    public void Truncated_inside_a_chunk()
    {
        var bytes = Valid();
        Assert.Contains("runs past the end of the file", ErrorOf(bytes[..(bytes.Length - 20)], 33));
    }

    [Fact]
    public void Truncated_before_iend()
    {
        var bytes = Valid();
        Assert.Contains("no IEND", ErrorOf(bytes[..^12], bytes.Length - 12));
    }

    [Theory]
    [InlineData(0u, 4u, 8, 2, 0, 0, 0, "empty")]
    [InlineData(4u, 0x80000000u, 8, 2, 0, 0, 0, "exceeds")]
    [InlineData(4u, 4u, 3, 0, 0, 0, 0, "bit depth 3")]
    [InlineData(4u, 4u, 4, 2, 0, 0, 0, "bit depth 4")]
    [InlineData(4u, 4u, 16, 3, 0, 0, 0, "bit depth 16")]
    [InlineData(4u, 4u, 8, 5, 0, 0, 0, "colour type 5")]
    [InlineData(4u, 4u, 8, 2, 1, 0, 0, "compression method 1")]
    [InlineData(4u, 4u, 8, 2, 0, 1, 0, "filter method 1")]
    [InlineData(4u, 4u, 8, 2, 0, 0, 2, "interlace method 2")]
    public void Bad_ihdr_fields(uint width, uint height, byte depth, byte type, byte compression, byte filter, byte interlace, string expected)
    {
        var message = ErrorOf(WithHeader(width, height, depth, type, compression, filter, interlace), 8);
        Assert.Contains("bad IHDR", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void Ihdr_of_wrong_length() =>
        Assert.Contains("IHDR has 12 bytes", ErrorOf(Chunks(("IHDR", new byte[12]), ("IEND", [])), 8));

    [Fact]
    public void First_chunk_not_ihdr() =>
        Assert.Contains("first chunk is IDAT", ErrorOf(Chunks(("IDAT", PngBuilder.Compress([0])), ("IEND", [])), 8));

    [Fact]
    public void Missing_idat() =>
        Assert.Contains("no IDAT", ErrorOf(Chunks(("IHDR", Ihdr(2, 2, 8, PngColorType.Grey)), ("IEND", [])), 33));

    [Fact]
    public void Palette_image_without_plte()
    {
        var bytes = Chunks(("IHDR", Ihdr(2, 1, 8, PngColorType.Palette)), ("IDAT", PngBuilder.Compress([0, 0, 0])), ("IEND", []));
        Assert.Contains("no PLTE", ErrorOf(bytes, bytes.Length - 12));
    }

    [Fact]
    public void Unknown_critical_chunk() =>
        Assert.Contains("unknown critical chunk ABCD", ErrorOf(Chunks(("IHDR", Ihdr(1, 1, 8, PngColorType.Grey)), ("ABCD", [1]), ("IDAT", PngBuilder.Compress([0, 0])), ("IEND", [])), 33));

    [Fact]
    public void Idat_that_is_not_zlib_data() =>
        Assert.Contains("does not decompress", ErrorOf(Chunks(("IHDR", Ihdr(2, 2, 8, PngColorType.Grey)), ("IDAT", [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0x00, 0x13]), ("IEND", [])), 33));

    [Fact]
    public void Idat_with_a_wrong_adler32_trailer()
    {
        var compressed = PngBuilder.Compress([0, 1, 2, 0, 3, 4]);
        compressed[^1] ^= 0xFF;
        Assert.Contains("does not decompress", ErrorOf(Chunks(("IHDR", Ihdr(2, 2, 8, PngColorType.Grey)), ("IDAT", compressed), ("IEND", [])), 33));
    }

    [Fact]
    public void Too_little_image_data() =>
        Assert.Contains("truncated?", ErrorOf(Chunks(("IHDR", Ihdr(2, 2, 8, PngColorType.Grey)), ("IDAT", PngBuilder.Compress([0, 1, 2])), ("IEND", [])), 33));

    [Fact]
    public void Too_much_image_data() =>
        Assert.Contains("more than the 6 bytes", ErrorOf(Chunks(("IHDR", Ihdr(2, 2, 8, PngColorType.Grey)), ("IDAT", PngBuilder.Compress(new byte[7])), ("IEND", [])), 33));

    [Fact]
    public void Header_claiming_far_more_pixels_than_the_data_can_hold_is_refused_before_allocating() =>
        Assert.Contains("cannot hold a 100000x100000 image",
            ErrorOf(Chunks(("IHDR", Ihdr(100000, 100000, 8, PngColorType.Rgb)), ("IDAT", PngBuilder.Compress(new byte[10])), ("IEND", [])), 33));

    [Fact]
    public void Bad_filter_type() =>
        Assert.Contains("row 1 has filter type 5", ErrorOf(Chunks(("IHDR", Ihdr(2, 2, 8, PngColorType.Grey)), ("IDAT", PngBuilder.Compress([0, 1, 2, 5, 3, 4])), ("IEND", [])), 33));

    [Fact]
    public void Palette_index_past_the_palette()
    {
        var bytes = new PngBuilder(2, 1, 8, PngColorType.Palette, [0, 2]) { Palette = [1, 2, 3, 4, 5, 6] }.Build();
        Assert.Contains("palette index 2", ErrorOf(bytes, 33 + 18));
    }

    [Fact]
    public void Plte_of_bad_length() =>
        Assert.Contains("PLTE length 4", ErrorOf(Chunks(("IHDR", Ihdr(1, 1, 8, PngColorType.Palette)), ("PLTE", [1, 2, 3, 4]), ("IEND", [])), 33));
}
