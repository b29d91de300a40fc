using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

public class ImageFileTests
{
    [Fact]
    public void Format_is_chosen_by_content_not_by_extension()
    {
        using var dir = new TempDir();
        var png = dir.Write("really-a-png.bmp", PngEncoder.Encode(new RawImage(2, 1, 1, [3, 4])));
        var pgm = dir.Write("really-a-pgm.png", [.. "P5 2 1 255\n"u8, 5, 6]);
        var bmp = dir.Write("really-a-bmp.ppm", new BmpBuilder(1, 1, 24, [9, 8, 7]).Build());
        Assert.Equal(new byte[] { 3, 4 }, ImageFile.Read(png).Pixels);
        Assert.Equal(new byte[] { 5, 6 }, ImageFile.Read(pgm).Pixels);
        Assert.Equal(new byte[] { 7, 8, 9 }, ImageFile.Read(bmp).Pixels);
    }

    [Fact]
    public void Unknown_format_is_named()
    {
        using var dir = new TempDir();
        var path = dir.Write("x.gif", [.. "GIF89a"u8]);
        var e = Assert.Throws<DataFormatException>(() => ImageFile.Read(path));
        Assert.Equal($"{path} (byte 0): not a PNG, JPEG, PGM/PPM or BMP file (starts with 0x474946383961)", e.Message);
    }

    [Fact]
    public void Missing_file_is_a_data_error_naming_it()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "nope.png");
        var e = Assert.Throws<DataFormatException>(() => ImageFile.Read(path));
        Assert.StartsWith($"{path}: cannot read the file", e.Message);
    }

    [Fact]
    public void Empty_file_is_a_data_error() =>
        Assert.Throws<DataFormatException>(() => ImageFile.Decode([], "empty.png"));

    [Theory]
    [InlineData("a.PNG", true)]
    [InlineData("a.pgm", true)]
    [InlineData("a.Ppm", true)]
    [InlineData("a.bmp", true)]
    [InlineData("a.jpg", true)]
    [InlineData("a.JPEG", true)]
    [InlineData("a.gif", false)]
    [InlineData("GT-00000.csv", false)]
    public void Image_extensions(string name, bool expected) => Assert.Equal(expected, ImageFile.HasImageExtension(name));
}
