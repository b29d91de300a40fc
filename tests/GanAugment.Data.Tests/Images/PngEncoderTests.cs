using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

public class PngEncoderTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 17, 5)]
    [InlineData(3, 17, 5)]
    [InlineData(3, 1, 9)]
    [InlineData(3, 64, 48)]
    public void Round_trips_grey_and_rgb(int channels, int width, int height)
    {
        var pixels = new byte[width * height * channels];
        new Random(width * 31 + height).NextBytes(pixels);
        // Smooth half of the image so the filter choice varies between rows.
        for (var i = 0; i < pixels.Length / 2; i++) pixels[i] = (byte)(i / channels % width * 3);
        var image = new RawImage(width, height, channels, pixels);
        var decoded = PngDecoder.Decode(PngEncoder.Encode(image), "t.png");
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Assert.Equal(image.CollapseGrey().Pixels, decoded.Pixels);
    }

    [Fact]
    public void Writes_an_8_bit_non_interlaced_header_of_the_right_colour_type()
    {
        var rgb = PngEncoder.Encode(new RawImage(2, 1, 3, [1, 2, 3, 4, 5, 6]));
        Assert.Equal(PngChunks.Signature.ToArray(), rgb[..8]);
        Assert.Equal("IHDR"u8.ToArray(), rgb[12..16]);
        Assert.Equal(new byte[] { 0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0 }, rgb[16..29]);
        var grey = PngEncoder.Encode(new RawImage(2, 1, 1, [1, 2]));
        Assert.Equal(0, grey[25]);
        Assert.Equal("IEND"u8.ToArray(), grey[^8..^4]);
    }

    [Fact]
    public void A_smooth_image_compresses_well()
    {
        var pixels = new byte[256 * 256];
        for (var y = 0; y < 256; y++)
            for (var x = 0; x < 256; x++)
                pixels[y * 256 + x] = (byte)(x + y);
        var bytes = PngEncoder.Encode(new RawImage(256, 256, 1, pixels));
        Assert.True(bytes.Length < 2000, $"{bytes.Length} bytes for a 64 KiB gradient");
    }
}
