using GanAugment.Data.Images;
using GanAugment.Data.Tests.Images;
using GanAugment.Data.Writers;

namespace GanAugment.Data.Tests.Writers;

public class ImageGridWriterTests
{
    private static RawImage Solid(int w, int h, byte value, int channels = 1) => new(w, h, channels, Enumerable.Repeat(value, w * h * channels).ToArray());

    [Fact]
    public void Lays_images_out_row_major_with_gaps_around_and_between()
    {
        var images = Enumerable.Range(1, 5).Select(i => Solid(3, 2, (byte)(i * 40))).ToList();
        var grid = ImageGridWriter.Compose(images, columns: 2, gap: 1);
        Assert.Equal((1 + 2 * (3 + 1), 1 + 3 * (2 + 1), 1), (grid.Width, grid.Height, grid.Channels));
        Assert.Equal(40, grid[1, 1]);
        Assert.Equal(80, grid[5, 1]);
        Assert.Equal(120, grid[1, 4]);
        Assert.Equal(200, grid[3, 8]);
        Assert.Equal(0, grid[4, 1]); // the gap between columns
        Assert.Equal(0, grid[1, 3]); // the gap between rows
        Assert.Equal(0, grid[5, 7]); // the empty sixth cell
    }

    [Fact]
    public void Any_rgb_image_makes_the_sheet_rgb()
    {
        var grid = ImageGridWriter.Compose([Solid(2, 2, 100), Solid(2, 2, 7, 3)], columns: 2);
        Assert.Equal(3, grid.Channels);
        Assert.Equal(new byte[] { 100, 100, 100 }, new[] { grid[2, 2, 0], grid[2, 2, 1], grid[2, 2, 2] });
    }

    [Fact]
    public void Row_labels_are_drawn_in_a_column_at_the_left()
    {
        var images = Enumerable.Range(0, 4).Select(_ => Solid(9, 9, 0)).ToList();
        var grid = ImageGridWriter.Compose(images, columns: 2, rowLabels: ["7", "AB"], gap: 2);
        var labelWidth = BitmapFont.MeasureWidth("AB") + 2;
        Assert.Equal(labelWidth + 2 * 9 + 3 * 2, grid.Width);
        // The glyph '7' starts with a full top bar, drawn at x = 1.., y = gap + (9 - 7) / 2 = 3.
        for (var x = 0; x < 5; x++) Assert.Equal(255, grid[1 + x, 3]);
        // Row 2's label "AB": 'A' has ink at its top middle, (x 1 + 1..3, y 2 + 11 + 1).
        Assert.Equal(255, grid[2, 14]);
        Assert.Equal(0, grid[1, 14]);
        Assert.All(Enumerable.Range(labelWidth, grid.Width - labelWidth), x => Assert.Equal(0, grid[x, 3]));
    }

    [Fact]
    public void Writes_a_png_from_a_float_batch()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "samples", "epoch1.png");
        var batch = Enumerable.Range(0, 4 * 3 * 2 * 2).Select(i => i / 4 % 3 - 1f).ToArray(); // channel planes of -1, 0 and 1
        ImageGridWriter.WriteChw(path, batch, count: 4, channels: 3, height: 2, width: 2, PixelRange.MinusOneToOne, columns: 2, rowLabels: ["a", "b"]);
        var image = ImageFile.Read(path);
        Assert.Equal(3, image.Channels);
        Assert.Equal(new byte[] { 0, 128, 255 }, new[] { image[image.Width - 3, 2, 0], image[image.Width - 3, 2, 1], image[image.Width - 3, 2, 2] });
        Assert.Equal(BitmapFont.MeasureWidth("a") + 2 + 2 * 2 + 3 * ImageGridWriter.DefaultGap, image.Width);
    }

    [Fact]
    public void Writes_chosen_images_of_a_dataset()
    {
        using var dir = new TempDir();
        var data = new ImageDataset([1, 1, 2, 2, 3, 3], [0, 1, 0], 1, 1, 2, ["x", "y"]);
        var path = Path.Combine(dir.Path, "g.png");
        ImageGridWriter.Write(path, data, [2, 0], columns: 2, gap: 1);
        var image = ImageFile.Read(path);
        Assert.Equal((7, 3), (image.Width, image.Height));
        Assert.Equal(3, image[1, 1]);
        Assert.Equal(1, image[4, 1]);
    }

    [Fact]
    public void Argument_errors()
    {
        Assert.Throws<ArgumentException>(() => ImageGridWriter.Compose([], 2));
        Assert.Throws<ArgumentException>(() => ImageGridWriter.Compose([Solid(2, 2, 0), Solid(3, 2, 0)], 2));
        Assert.Throws<ArgumentException>(() => ImageGridWriter.Compose([Solid(2, 2, 0)], 1, rowLabels: ["a", "b"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGridWriter.Compose([Solid(2, 2, 0)], 0));
    }
}
