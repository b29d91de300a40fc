using System.Buffers.Binary;
using GanAugment.Data.Images.Bmp;

namespace GanAugment.Data.Tests.Images;

public class BmpDecoderTests
{
    private const int W = 5, H = 3;

    private static byte V(int x, int y, int c) => (byte)(x * 41 + y * 67 + c * 97 + 13);

    /// <summary>B, G, R (and X when <paramref name="bytesPerPixel"/> is 4) of the test pattern, top row first.</summary>
    private static byte[] Bgr(int bytesPerPixel) =>
        [.. Enumerable.Range(0, W * H).SelectMany(i =>
        {
            var (x, y) = (i % W, i / W);
            byte[] bgr = [V(x, y, 2), V(x, y, 1), V(x, y, 0)];
            return bytesPerPixel == 4 ? [.. bgr, 0x77] : bgr;
        })];

    private static void AssertPattern(GanAugment.Data.Images.RawImage image)
    {
        Assert.Equal((W, H, 3), (image.Width, image.Height, image.Channels));
        for (var y = 0; y < H; y++)
            for (var x = 0; x < W; x++)
                for (var c = 0; c < 3; c++)
                    Assert.Equal(V(x, y, c), image[x, y, c]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_24_bit_bottom_up_and_top_down(bool topDown) =>
        AssertPattern(BmpDecoder.Decode(new BmpBuilder(W, H, 24, Bgr(3)) { TopDown = topDown }.Build(), "t.bmp"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_32_bit_bgrx(bool topDown) =>
        AssertPattern(BmpDecoder.Decode(new BmpBuilder(W, H, 32, Bgr(4)) { TopDown = topDown }.Build(), "t.bmp"));

    [Theory]
    [InlineData(40)]
    [InlineData(108)]
    [InlineData(124)]
    public void Reads_32_bit_bitfields_after_a_40_byte_header_or_inside_a_v4_v5_header(int headerSize)
    {
        var bytes = new BmpBuilder(W, H, 32, Bgr(4)) { HeaderSize = headerSize, BitfieldMasks = [0x00FF0000, 0x0000FF00, 0x000000FF] }.Build();
        AssertPattern(BmpDecoder.Decode(bytes, "t.bmp"));
    }

    [Fact]
    public void Bitfields_of_ten_bits_per_channel_are_scaled_to_bytes()
    {
        uint pixel = (1023u << 20) | (0u << 10) | 512u;
        var bytes = new BmpBuilder(1, 1, 32, BitConverter.GetBytes(pixel)) { BitfieldMasks = [0x3FF00000, 0x000FFC00, 0x000003FF] }.Build();
        Assert.Equal(new byte[] { 255, 0, 128 }, BmpDecoder.Decode(bytes, "t.bmp").Pixels);
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(8, true)]
    [InlineData(4, false)]
    [InlineData(1, false)]
    public void Reads_palette_images(int bitCount, bool topDown)
    {
        var colours = 1 << Math.Min(bitCount, 3);
        var palette = Enumerable.Range(0, colours).SelectMany(i => new byte[] { (byte)(i * 30), (byte)(i * 20 + 1), (byte)(200 - i * 10), 0 }).ToArray();
        var indices = Enumerable.Range(0, 11 * H).Select(i => (byte)((i * 7 + i / 11) % colours)).ToArray();
        var image = BmpDecoder.Decode(new BmpBuilder(11, H, bitCount, indices) { PaletteBgrx = palette, TopDown = topDown }.Build(), "t.bmp");
        for (var i = 0; i < indices.Length; i++)
        {
            var p = indices[i] * 4;
            Assert.Equal(new[] { palette[p + 2], palette[p + 1], palette[p] }, image.Pixels[(i * 3)..(i * 3 + 3)]);
        }
    }

    [Fact]
    public void Grey_palette_gives_one_channel()
    {
        var palette = Enumerable.Range(0, 256).SelectMany(i => new byte[] { (byte)i, (byte)i, (byte)i, 0 }).ToArray();
        var image = BmpDecoder.Decode(new BmpBuilder(3, 2, 8, [0, 100, 255, 7, 8, 9]) { PaletteBgrx = palette }.Build(), "t.bmp");
        Assert.Equal(1, image.Channels);
        Assert.Equal(new byte[] { 0, 100, 255, 7, 8, 9 }, image.Pixels);
    }

    private static byte[] Valid24() => new BmpBuilder(W, H, 24, Bgr(3)).Build();

    private static byte[] With(byte[] bytes, int offset, int value)
    {
        var copy = (byte[])bytes.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    private static string ErrorOf(byte[] bytes, long offset)
    {
        var e = Assert.Throws<DataFormatException>(() => BmpDecoder.Decode(bytes, "bad.bmp"));
        Assert.StartsWith($"bad.bmp (byte {offset}): ", e.Message);
        return e.Message;
    }

    [Fact]
    public void Not_a_bmp() => Assert.Contains("does not start with BM", ErrorOf([.. "XM"u8, .. Valid24()[2..]], 0));

    [Fact]
    public void Truncated_header() => Assert.Contains("truncated inside the BMP header", ErrorOf(Valid24()[..30], 30));

    [Fact]
    public void Unsupported_header_size() => Assert.Contains("DIB header size 12", ErrorOf(With(Valid24(), 14, 12), 14));

    [Theory]
    [InlineData(18, 0)]
    [InlineData(18, -5)]
    [InlineData(22, 0)]
    [InlineData(22, int.MinValue)]
    public void Bad_size(int field, int value) => Assert.Contains("bad image size", ErrorOf(With(Valid24(), field, value), 18));

    [Fact]
    public void Unsupported_bit_count()
    {
        var bytes = Valid24();
        bytes[28] = 16;
        Assert.Contains("bit count 16", ErrorOf(bytes, 28));
    }

    [Fact]
    public void Compressed_bitmap() => Assert.Contains("unsupported compression 1", ErrorOf(With(Valid24(), 30, 1), 30));

    [Fact]
    public void Truncated_pixel_data()
    {
        var bytes = Valid24();
        Assert.Contains("file is truncated", ErrorOf(bytes[..^5], bytes.Length - 5));
    }

    [Fact]
    public void Pixel_offset_inside_the_header() => Assert.Contains("points inside the header", ErrorOf(With(Valid24(), 10, 20), 10));

    [Fact]
    public void Too_many_palette_colours()
    {
        var bytes = new BmpBuilder(2, 1, 8, [0, 1]) { PaletteBgrx = new byte[8] }.Build();
        Assert.Contains("257 palette colours", ErrorOf(With(bytes, 46, 257), 46));
    }

    [Fact]
    public void Palette_index_past_the_palette()
    {
        var bytes = new BmpBuilder(2, 1, 8, [0, 2]) { PaletteBgrx = new byte[8] }.Build();
        Assert.Contains("palette index 2", ErrorOf(bytes, bytes.Length - 4 + 1));
    }

    [Fact]
    public void Mask_that_is_not_one_run_of_bits()
    {
        var bytes = new BmpBuilder(1, 1, 32, new byte[4]) { BitfieldMasks = [0x00FF00FF, 0x0000FF00, 0x000000FF] }.Build();
        Assert.Contains("not one run of bits", ErrorOf(bytes, 54));
    }
}
