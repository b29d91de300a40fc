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
        var images = Enumerable.Range(0, 4).Select(_ => Solid(20, 20, 0)).ToList();
        var grid = ImageGridWriter.Compose(images, columns: 2, rowLabels: ["7", "Bag"], gap: 2);
        var unlabelled = ImageGridWriter.Compose(images, columns: 2, gap: 2);
        var labelWidth = grid.Width - unlabelled.Width;
        // The column fits the widest caption ("Bag", in a 10-pixel font about 20 pixels) and its margins.
        Assert.InRange(labelWidth, 20, 40);
        Assert.Equal(unlabelled.Height, grid.Height);
        int Ink(int top, int height) => Enumerable.Range(top, height).Sum(y => Enumerable.Range(0, labelWidth).Count(x => grid[x, y] > 128));
        Assert.True(Ink(2, 20) > 5, "row 1's caption");
        Assert.True(Ink(24, 20) > Ink(2, 20), "row 2's longer caption has more ink");
        Assert.Equal(0, Ink(0, 2) + Ink(22, 2));
        // Anti-aliased: grey edges between the black sheet and the white ink.
        Assert.Contains(Enumerable.Range(0, 44).SelectMany(y => Enumerable.Range(0, labelWidth).Select(x => grid[x, y])), v => v is > 20 and < 235);
        Assert.All(Enumerable.Range(labelWidth, grid.Width - labelWidth), x => Assert.Equal(0, grid[x, 10]));
    }

    [Fact]
    public void Scale_enlarges_every_image_by_whole_pixel_blocks()
    {
        var image = new RawImage(2, 2, 1, [10, 20, 30, 40]);
        var grid = ImageGridWriter.Compose([image, image, image], columns: 3, gap: 1, scale: 3);
        Assert.Equal((3 * 6 + 4, 6 + 2), (grid.Width, grid.Height));
        // The first image's pixel (1, 0) = 20 fills the block x 1 + 3..5, y 1 + 0..2.
        for (var y = 1; y < 4; y++)
            for (var x = 4; x < 7; x++)
                Assert.Equal(20, grid[x, y]);
        Assert.Equal(40, grid[1 + 5, 1 + 5]);
        Assert.Equal(ImageGridWriter.Upscale(image, 3).Pixels, ImageGridWriter.Compose([image], 1, gap: 0, scale: 3).Pixels);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGridWriter.Compose([image], 1, scale: 0));
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
        Assert.Equal(ImageGridWriter.Compose([.. Enumerable.Repeat(Solid(2, 2, 0), 4)], 2, rowLabels: ["a", "b"]).Width, image.Width);
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
