using GanAugment.Data.Images;

namespace GanAugment.Data.Tests.Images;

public class ImageResizeTests
{
    private static RawImage Row(params byte[] values) => new(values.Length, 1, 1, values);

    [Fact]
    public void Halving_averages_each_two_by_two_block()
    {
        var image = new RawImage(4, 2, 1, [0, 10, 100, 200, 20, 30, 50, 50]);
        Assert.Equal(new byte[] { 15, 100 }, ImageResize.Resize(image, 2, 1).Pixels);
    }

    [Fact]
    public void Shrinking_by_a_fraction_weights_partly_covered_pixels()
    {
        // Output 0 covers [0, 1.5): (0 + 0.5·90) / 1.5 = 30; output 1 covers [1.5, 3): (0.5·90 + 180) / 1.5 = 150.
        Assert.Equal(new byte[] { 30, 150 }, ImageResize.Resize(Row(0, 90, 180), 2, 1).Pixels);
    }

    [Fact]
    public void Enlarging_interpolates_between_half_pixel_centres_and_clamps_at_the_border()
    {
        // Centres at (o + 0.5)/2 - 0.5 = -0.25, 0.25, 0.75, 1.25.
        Assert.Equal(new byte[] { 0, 25, 75, 100 }, ImageResize.Resize(Row(0, 100), 4, 1).Pixels);
    }

    [Fact]
    public void Axes_are_handled_separately_shrinking_one_and_enlarging_the_other()
    {
        var image = new RawImage(2, 2, 1, [0, 100, 200, 100]);
        var resized = ImageResize.Resize(image, 1, 4);
        // Columns averaged to 50 and 150, then rows interpolated: 50, 75, 125, 150.
        Assert.Equal(new byte[] { 50, 75, 125, 150 }, resized.Pixels);
    }

    [Fact]
    public void Channels_are_resized_independently()
    {
        var image = new RawImage(2, 1, 3, [0, 10, 255, 100, 30, 255]);
        Assert.Equal(new byte[] { 50, 20, 255 }, ImageResize.Resize(image, 1, 1).Pixels);
    }

    [Fact]
    public void Constant_images_stay_constant_at_any_size()
    {
        var rng = new Random(3);
        for (var trial = 0; trial < 50; trial++)
        {
            var (w, h) = (rng.Next(1, 40), rng.Next(1, 40));
            var value = (byte)rng.Next(256);
            var image = new RawImage(w, h, 3, Enumerable.Repeat(value, w * h * 3).ToArray());
            var resized = ImageResize.Resize(image, rng.Next(1, 40), rng.Next(1, 40));
            Assert.All(resized.Pixels, p => Assert.Equal(value, p));
        }
    }

    [Fact]
    public void Area_shrinking_preserves_the_mean()
    {
        var pixels = new byte[28 * 28];
        new Random(4).NextBytes(pixels);
        var resized = ImageResize.Resize(new RawImage(28, 28, 1, pixels), 7, 7);
        Assert.Equal(pixels.Average(p => p), resized.Pixels.Average(p => p), 0.5);
    }

    [Fact]
    public void Same_size_returns_the_same_image()
    {
        var image = Row(1, 2, 3);
        Assert.Same(image, ImageResize.Resize(image, 3, 1));
    }
}
