using GanAugment.Data.Idx;
using GanAugment.Data.Images;

namespace GanAugment.Data.Tests.Idx;

public class IdxRoundTripTests
{
    internal static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    internal static ImageDataset Tiny(int count = 6, int height = 4, int width = 3)
    {
        var pixels = new byte[count * height * width];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 37 % 256);
        var labels = Enumerable.Range(0, count).Select(i => i % 10).ToArray();
        return new ImageDataset(pixels, labels, 1, height, width, Digits);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SaveThenLoadGivesTheSameDataSet(bool gzip)
    {
        using var dir = new TempDir();
        var data = Tiny();
        IdxDataset.Save(data, dir.File("images"), dir.File("labels"), gzip);

        var back = IdxDataset.Load(dir.File("images"), dir.File("labels"), Digits);

        Assert.Equal(data.Pixels, back.Pixels);
        Assert.Equal(data.Labels, back.Labels);
        Assert.Equal((1, 4, 3), (back.Channels, back.Height, back.Width));
        Assert.Equal(["images", "labels"], dir.Files());
    }

    [Fact]
    public void RawHeaderIsBigEndianAsInTheSpec()
    {
        using var dir = new TempDir();
        IdxWriter.WriteImages(dir.File("x"), new byte[2 * 3 * 258], 2, 3, 258);
        var bytes = File.ReadAllBytes(dir.File("x"));
        Assert.Equal(new byte[] { 0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 1, 2 }, bytes[..16]);
        Assert.Equal(16 + 2 * 3 * 258, bytes.Length);
    }

    [Fact]
    public void GzipIsDetectedByMagicNotByName()
    {
        using var dir = new TempDir();
        IdxWriter.WriteLabels(dir.File("labels.idx"), [1, 2, 3], gzip: true);
        IdxWriter.WriteLabels(dir.File("labels.gz"), [4, 5], gzip: false);
        Assert.Equal(0x1f, File.ReadAllBytes(dir.File("labels.idx"))[0]);

        Assert.Equal(new byte[] { 1, 2, 3 }, IdxReader.ReadLabels(dir.File("labels.idx")));
        Assert.Equal(new byte[] { 4, 5 }, IdxReader.ReadLabels(dir.File("labels.gz")));
    }

    [Fact]
    public void ReadImagesReportsShape()
    {
        using var dir = new TempDir();
        var pixels = Enumerable.Range(0, 24).Select(i => (byte)i).ToArray();
        IdxWriter.WriteImages(dir.File("i"), pixels, 2, 3, 4, gzip: true);
        var images = IdxReader.ReadImages(dir.File("i"));
        Assert.Equal((2, 3, 4), (images.Count, images.Height, images.Width));
        Assert.Equal(pixels, images.Pixels);
    }

    [Fact]
    public void WriterOverwritesAndLeavesNoTmp()
    {
        using var dir = new TempDir();
        IdxWriter.WriteLabels(dir.File("l"), [1, 2, 3]);
        IdxWriter.WriteLabels(dir.File("l"), [9]);
        Assert.Equal(new byte[] { 9 }, IdxReader.ReadLabels(dir.File("l")));
        Assert.Equal(["l"], dir.Files());
    }

    [Fact]
    public void WriterRejectsDataThatDoesNotMatchTheDimensions()
    {
        using var dir = new TempDir();
        Assert.Throws<ArgumentException>(() => IdxWriter.WriteImages(dir.File("x"), new byte[5], 1, 2, 3));
        Assert.Empty(dir.Files());
    }

    [Fact]
    public void SaveRefusesColourImages()
    {
        using var dir = new TempDir();
        var rgb = new ImageDataset(new byte[12], [0], 3, 2, 2, Digits);
        Assert.Throws<ArgumentException>(() => IdxDataset.Save(rgb, dir.File("i"), dir.File("l")));
    }
}
