using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

public class PngDecoderTests
{
    /// <summary>A deterministic sample pattern that covers the whole range of a bit depth.</summary>
    internal static int[] Pattern(int width, int height, int spp, int depth)
    {
        var max = (1 << depth) - 1;
        var samples = new int[width * height * spp];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                for (var s = 0; s < spp; s++)
                    samples[(y * width + x) * spp + s] = depth == 16
                        ? (x * 4099 + y * 25343 + s * 9001 + x * y * 17) & max
                        : (x * 31 + y * 17 + s * 53 + x * y) % (max + 1);
        return samples;
    }

    internal static byte Expect(int value, int depth) => depth switch
    {
        8 => (byte)value,
        16 => (byte)Math.Round(value * 255.0 / 65535.0, MidpointRounding.AwayFromZero),
        _ => (byte)Math.Round(value * 255.0 / ((1 << depth) - 1), MidpointRounding.AwayFromZero),
    };

    private static byte[] PaletteOf(int depth) =>
        [.. Enumerable.Range(0, 1 << depth).SelectMany(i => new[] { (byte)(i * 37), (byte)(i * 91 + 5), (byte)(i * 151 + 9) })];

    public static TheoryData<PngColorType, int, bool> AllFormats()
    {
        var data = new TheoryData<PngColorType, int, bool>();
        (PngColorType, int[])[] combos =
        [
            (PngColorType.Grey, [1, 2, 4, 8, 16]), (PngColorType.Rgb, [8, 16]), (PngColorType.Palette, [1, 2, 4, 8]),
            (PngColorType.GreyAlpha, [8, 16]), (PngColorType.Rgba, [8, 16]),
        ];
        foreach (var (type, depths) in combos)
            foreach (var depth in depths)
                foreach (var interlaced in new[] { false, true })
                    data.Add(type, depth, interlaced);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Decodes_every_colour_type_and_bit_depth(PngColorType type, int depth, bool interlaced)
    {
        foreach (var (width, height) in new[] { (13, 11), (1, 1), (3, 2), (9, 1) })
            CheckRoundTrip(type, depth, interlaced, width, height, n => n % 5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Undoes_each_filter_type(int filter)
    {
        CheckRoundTrip(PngColorType.Rgb, 8, false, 17, 9, _ => filter);
        CheckRoundTrip(PngColorType.Grey, 16, false, 17, 9, _ => filter);
        CheckRoundTrip(PngColorType.Grey, 1, false, 17, 9, _ => filter);
        CheckRoundTrip(PngColorType.Rgba, 16, true, 17, 9, _ => filter);
    }

    private static void CheckRoundTrip(PngColorType type, int depth, bool interlaced, int width, int height, Func<int, int> filters)
    {
        var builder = new PngBuilder(width, height, depth, type, Pattern(width, height, SppOf(type), depth))
        {
            Interlaced = interlaced,
            FilterOf = filters,
            Palette = type == PngColorType.Palette ? PaletteOf(depth) : null,
        };
        var image = PngDecoder.Decode(builder.Build(), "t.png");
        Assert.Equal((width, height), (image.Width, image.Height));
        var samples = Pattern(width, height, SppOf(type), depth);
        var spp = SppOf(type);
        var palette = PaletteOf(8);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * spp;
                byte[] expected = type switch
                {
                    PngColorType.Grey or PngColorType.GreyAlpha => [Expect(samples[i], depth)],
                    PngColorType.Palette => palette[(samples[i] * 3)..(samples[i] * 3 + 3)],
                    _ => [Expect(samples[i], depth), Expect(samples[i + 1], depth), Expect(samples[i + 2], depth)],
                };
                if (width * height == 1 && expected.Length == 3 && expected.All(e => e == expected[0])) expected = [expected[0]];
                Assert.Equal(expected.Length, image.Channels);
                for (var c = 0; c < expected.Length; c++)
                    Assert.True(expected[c] == image[x, y, c], $"{type} {depth}-bit {(interlaced ? "interlaced " : "")}{width}x{height}: pixel ({x},{y}) channel {c} is {image[x, y, c]}, expected {expected[c]}");
            }
    }

    private static int SppOf(PngColorType type) => type switch
    {
        PngColorType.Grey or PngColorType.Palette => 1,
        PngColorType.GreyAlpha => 2,
        PngColorType.Rgb => 3,
        _ => 4,
    };

    [Fact]
    public void Image_data_split_over_several_idat_chunks_and_ancillary_chunks_are_read()
    {
        var samples = Pattern(20, 10, 3, 8);
        var builder = new PngBuilder(20, 10, 8, PngColorType.Rgb, samples)
        {
            IdatChunks = 4,
            ExtraChunks = [("tEXt", "Comment\0hello"u8.ToArray()), ("gAMA", [0, 0, 0xB1, 0x8F])],
        };
        var image = PngDecoder.Decode(builder.Build(), "t.png");
        Assert.Equal(samples[(3 * 20 + 7) * 3 + 2], image[7, 3, 2]);
    }

    [Fact]
    public void Colour_image_whose_pixels_are_all_grey_comes_back_with_one_channel()
    {
        var grey = Pattern(6, 5, 1, 8);
        var rgb = grey.SelectMany(v => new[] { v, v, v }).ToArray();
        var image = PngDecoder.Decode(new PngBuilder(6, 5, 8, PngColorType.Rgb, rgb).Build(), "t.png");
        Assert.Equal(1, image.Channels);
        Assert.Equal(grey.Select(v => (byte)v), image.Pixels);
    }

    [Fact]
    public void Grey_palette_is_detected_as_grey()
    {
        var palette = Enumerable.Range(0, 4).SelectMany(i => Enumerable.Repeat((byte)(i * 80), 3)).ToArray();
        var image = PngDecoder.Decode(new PngBuilder(4, 1, 2, PngColorType.Palette, [3, 2, 1, 0]) { Palette = palette }.Build(), "t.png");
        Assert.Equal(1, image.Channels);
        Assert.Equal(new byte[] { 240, 160, 80, 0 }, image.Pixels);
    }

    [Fact]
    public void Alpha_is_dropped_not_blended()
    {
        var image = PngDecoder.Decode(new PngBuilder(2, 1, 8, PngColorType.Rgba, [10, 20, 30, 0, 40, 50, 60, 255]).Build(), "t.png");
        Assert.Equal(new byte[] { 10, 20, 30, 40, 50, 60 }, image.Pixels);
    }
}
