using System.Text;
using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

public class ImageFolderReaderTests
{
    private static byte[] Png(int w, int h, int channels, byte seed) =>
        PngEncoder.Encode(new RawImage(w, h, channels, [.. Enumerable.Range(0, w * h * channels).Select(i => (byte)(seed + i * 3))]));

    /// <summary>Two classes in three formats: ant (a grey PNG and an RGB PPM), cat (a BMP), plus files to skip.</summary>
    private static TempDir ThreeImages()
    {
        var dir = new TempDir();
        dir.Write("cat/b.bmp", new BmpBuilder(2, 2, 24, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).Build());
        dir.Write("ant/2.ppm", [.. "P6 2 2 255\n"u8, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
        dir.Write("ant/1.png", PngEncoder.Encode(new RawImage(2, 2, 1, [0, 50, 100, 150])));
        dir.Write("ant/notes.txt", "not an image");
        dir.Write(".hidden/x.png", Png(5, 5, 1, 0));
        return dir;
    }

    [Fact]
    public void Classes_are_sorted_folder_names_and_pixels_are_chw()
    {
        using var dir = ThreeImages();
        var data = ImageFolderReader.Read(dir.Path, null, ImageColor.Rgb);
        Assert.Equal(["ant", "cat"], data.ClassNames);
        Assert.Equal([0, 0, 1], data.Labels);
        Assert.Equal((3, 2, 2), (data.Channels, data.Height, data.Width));
        Assert.Equal(new byte[] { 0, 50, 100, 150, 0, 50, 100, 150, 0, 50, 100, 150 }, data.Image(0).ToArray());
        Assert.Equal(new byte[] { 10, 40, 70, 100, 20, 50, 80, 110, 30, 60, 90, 120 }, data.Image(1).ToArray());
        // BmpBuilder takes the top row first as B, G, R bytes.
        Assert.Equal(new byte[] { 3, 6, 9, 12, 2, 5, 8, 11, 1, 4, 7, 10 }, data.Image(2).ToArray());
    }

    [Fact]
    public void Grey_mode_converts_colour_images()
    {
        using var dir = ThreeImages();
        var data = ImageFolderReader.Read(dir.Path, null, ImageColor.Grey);
        Assert.Equal(1, data.Channels);
        Assert.Equal((byte)((299 * 10 + 587 * 20 + 114 * 30 + 500) / 1000), data.Image(1)[0]);
    }

    [Fact]
    public void Given_size_resizes_images_of_different_sizes()
    {
        using var dir = new TempDir();
        dir.Write("a/1.png", Png(8, 6, 1, 1));
        dir.Write("b/1.png", Png(3, 3, 3, 2));
        var data = ImageFolderReader.Read(dir.Path, 4, ImageColor.Grey);
        Assert.Equal((2, 1, 4, 4), (data.Count, data.Channels, data.Height, data.Width));
    }

    [Fact]
    public void Without_size_a_differently_sized_image_is_named()
    {
        using var dir = new TempDir();
        dir.Write("a/1.png", Png(4, 4, 1, 1));
        var odd = dir.Write("b/odd.png", Png(5, 4, 1, 1));
        var e = Assert.Throws<DataFormatException>(() => ImageFolderReader.Read(dir.Path, null, ImageColor.Grey));
        Assert.StartsWith($"{odd}: image is 5x4 but ", e.Message);
    }

    [Fact]
    public void Bad_image_is_named()
    {
        using var dir = new TempDir();
        dir.Write("a/1.png", Png(4, 4, 1, 1));
        var bad = dir.Write("a/2.png", Encoding.ASCII.GetBytes("GIF89a"));
        var e = Assert.Throws<DataFormatException>(() => ImageFolderReader.Read(dir.Path, null, ImageColor.Grey));
        Assert.StartsWith(bad, e.Message);
    }

    [Fact]
    public void Missing_root_is_named()
    {
        using var dir = new TempDir();
        var root = Path.Combine(dir.Path, "missing");
        Assert.Equal($"{root}: image folder does not exist", Assert.Throws<DataFormatException>(() => ImageFolderReader.Read(root, 8, ImageColor.Rgb)).Message);
    }

    [Fact]
    public void Root_without_class_folders()
    {
        using var dir = new TempDir();
        dir.Write("loose.png", Png(2, 2, 1, 0));
        Assert.Contains("no class sub-folders", Assert.Throws<DataFormatException>(() => ImageFolderReader.Read(dir.Path, 8, ImageColor.Rgb)).Message);
    }

    [Fact]
    public void Class_folder_without_images_is_named()
    {
        using var dir = new TempDir();
        dir.Write("a/1.png", Png(2, 2, 1, 0));
        dir.Write("b/readme.txt", "");
        var e = Assert.Throws<DataFormatException>(() => ImageFolderReader.Read(dir.Path, 8, ImageColor.Rgb));
        Assert.Equal($"{Path.Combine(dir.Path, "b")}: class folder holds no PNG, JPEG, PGM/PPM or BMP images", e.Message);
    }
}
