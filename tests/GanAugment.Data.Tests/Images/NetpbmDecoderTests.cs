using System.Text;
using GanAugment.Data.Images.Netpbm;

namespace GanAugment.Data.Tests.Images;

public class NetpbmDecoderTests
{
    private static GanAugment.Data.Images.RawImage Decode(string ascii) => NetpbmDecoder.Decode(Encoding.Latin1.GetBytes(ascii), "t.pnm");

    [Fact]
    public void Plain_grey_map_with_comments_everywhere_in_the_header()
    {
        var image = Decode("P2 # made by hand\n# another comment\n3 # width\n2\n# maxval next\n15\n0 1 2\n13 14 15\n");
        Assert.Equal((3, 2, 1), (image.Width, image.Height, image.Channels));
        Assert.Equal(new byte[] { 0, 17, 34, 221, 238, 255 }, image.Pixels);
    }

    [Fact]
    public void Plain_pix_map_with_crlf_line_ends()
    {
        var image = Decode("P3\r\n2 1\r\n255\r\n10 20 30\r\n40 50 60\r\n");
        Assert.Equal(new byte[] { 10, 20, 30, 40, 50, 60 }, image.Pixels);
    }

    [Fact]
    public void Raw_grey_map_maxval_255()
    {
        var image = NetpbmDecoder.Decode([.. "P5\n4 1\n255\n"u8, 0, 100, 200, 255], "t.pgm");
        Assert.Equal(new byte[] { 0, 100, 200, 255 }, image.Pixels);
    }

    [Fact]
    public void Raw_pix_map_whose_data_starts_with_a_whitespace_byte_value()
    {
        // The single white-space byte after maxval is the only separator: a first sample of 10 ('\n') is data.
        var image = NetpbmDecoder.Decode([.. "P6 1 1 255\n"u8, 10, 32, 9], "t.ppm");
        Assert.Equal(new byte[] { 10, 32, 9 }, image.Pixels);
    }

    [Fact]
    public void Raw_sixteen_bit_samples_are_big_endian_and_scaled()
    {
        var image = NetpbmDecoder.Decode([.. "P5\n3 1\n1000\n"u8, 0x00, 0x00, 0x01, 0xF4, 0x03, 0xE8], "t.pgm");
        Assert.Equal(new byte[] { 0, 128, 255 }, image.Pixels); // 500·255/1000 = 127.5 rounds up
    }

    [Fact]
    public void Raw_maxval_65535()
    {
        var image = NetpbmDecoder.Decode([.. "P6\n1 1\n65535\n"u8, 0xFF, 0xFF, 0x80, 0x00, 0x00, 0x80], "t.ppm");
        Assert.Equal(new byte[] { 255, 128, 0 }, image.Pixels);
    }

    [Fact]
    public void Bilevel_maxval_one()
    {
        var image = NetpbmDecoder.Decode([.. "P5 2 1 1\n"u8, 0, 1], "t.pgm");
        Assert.Equal(new byte[] { 0, 255 }, image.Pixels);
    }

    [Fact]
    public void Data_after_the_first_image_is_ignored()
    {
        var image = NetpbmDecoder.Decode([.. "P5 1 1 255\n"u8, 42, .. "P5 1 1 255\n"u8, 7], "t.pgm");
        Assert.Equal(new byte[] { 42 }, image.Pixels);
    }

    [Fact]
    public void Grey_pix_map_is_detected_as_grey()
    {
        var image = Decode("P3 2 1 255 9 9 9 200 200 200");
        Assert.Equal(1, image.Channels);
        Assert.Equal(new byte[] { 9, 200 }, image.Pixels);
    }

    private static string ErrorOf(byte[] bytes, long offset)
    {
        var e = Assert.Throws<DataFormatException>(() => NetpbmDecoder.Decode(bytes, "bad.pnm"));
        Assert.StartsWith($"bad.pnm (byte {offset}): ", e.Message);
        return e.Message;
    }

    private static string ErrorOf(string ascii, long offset) => ErrorOf(Encoding.Latin1.GetBytes(ascii), offset);

    [Fact]
    public void Unsupported_magic() => Assert.Contains("magic number", ErrorOf("P4\n1 1\n\0", 0));

    [Fact]
    public void Truncated_header() => Assert.Contains("expected maxval", ErrorOf("P5\n3 2", 6));

    [Fact]
    public void Non_number_in_header() => Assert.Contains("expected height", ErrorOf("P5\n3 x\n255\n", 5));

    [Fact]
    public void Number_glued_to_garbage() => Assert.Contains("followed by byte 0x78", ErrorOf("P5\n3x 2\n255\n", 4));

    [Fact]
    public void Huge_number() => Assert.Contains("width is too large", ErrorOf("P5\n99999999999 1\n255\n", 3));

    [Fact]
    public void Empty_image() => Assert.Contains("empty", ErrorOf("P5\n0 2\n255\n", 3));

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public void Maxval_out_of_range(string maxval) => Assert.Contains("not in 1..65535", ErrorOf($"P5\n1 1\n{maxval}\n\0\0", 7));

    [Fact]
    public void Plain_sample_above_maxval() => Assert.Contains("sample 16 exceeds maxval 15", ErrorOf("P2\n2 1\n15\n3 16\n", 12));

    [Fact]
    public void Raw_sample_above_maxval() => Assert.Contains("sample 1001 exceeds maxval 1000", ErrorOf([.. "P5\n2 1\n1000\n"u8, 0, 1, 0x03, 0xE9], 14));

    [Fact]
    public void Truncated_raw_raster() => Assert.Contains("truncated", ErrorOf([.. "P6\n2 2\n255\n"u8, 1, 2, 3], 10));

    [Fact]
    public void Truncated_plain_raster() => Assert.Contains("expected sample", ErrorOf("P2\n2 2\n255\n1 2 3 ", 17));

    [Fact]
    public void Size_far_beyond_the_file_is_refused_before_allocating() =>
        Assert.Contains("needs 3000000000 samples", ErrorOf("P6\n50000 20000\n255\n\0\0\0", 18));
}
