using GanAugment.Data.Images;
using GanAugment.Data.Tests.Images;
using GanAugment.Data.Writers;

namespace GanAugment.Data.Tests.Writers;

public class PngWriterTests
{
    [Fact]
    public void Writes_chw_bytes_creating_the_parent_folder_and_leaving_no_tmp_file()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "a", "b", "img.png");
        PngWriter.WriteChw(path, [10, 20, 30, 40, 50, 60], 3, 1, 2);
        Assert.Equal(new byte[] { 10, 30, 50, 20, 40, 60 }, ImageFile.Read(path).Pixels);
        Assert.Equal(["img.png"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(PixelRange.ZeroToOne, new[] { 0f, 0.5f, 1f, -3f, 7f, float.NaN }, new byte[] { 0, 128, 255, 0, 255, 0 })]
    [InlineData(PixelRange.MinusOneToOne, new[] { -1f, 0f, 1f, -3f, 7f, 0.5f }, new byte[] { 0, 128, 255, 0, 255, 191 })]
    public void Float_pixels_are_mapped_from_their_range_and_clamped(PixelRange range, float[] pixels, byte[] expected)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "f.png");
        PngWriter.WriteChw(path, pixels, 1, 2, 3, range);
        Assert.Equal(expected, ImageFile.Read(path).Pixels);
    }

    [Fact]
    public void Overwrites_an_existing_file_whole()
    {
        using var dir = new TempDir();
        var path = dir.Write("x.png", new byte[100_000]);
        PngWriter.Write(path, new RawImage(1, 1, 1, [9]));
        Assert.Equal(new byte[] { 9 }, ImageFile.Read(path).Pixels);
    }

    [Fact]
    public void A_failing_write_leaves_the_old_file_and_no_tmp()
    {
        using var dir = new TempDir();
        var path = dir.Write("keep.bin", [1, 2, 3]);
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write([4, 5]);
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".tmp"));
    }
}
