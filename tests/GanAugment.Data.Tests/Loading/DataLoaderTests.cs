using GanAugment.Data.Writers;
using GanAugment.Data.Images;
using GanAugment.Data.Loading;
using GanAugment.Data.Transforms;

namespace GanAugment.Data.Tests.Loading;

public class DataLoaderTests
{
    /// <summary>Image i is 2x2 pixels all equal to i; labels are 90% class 0, 10% class 1.</summary>
    private static ImageDataset Data(int count = 50)
    {
        var pixels = Enumerable.Range(0, count).SelectMany(i => Enumerable.Repeat((byte)i, 4)).ToArray();
        var labels = Enumerable.Range(0, count).Select(i => i % 10 == 9 ? 1 : 0).ToArray();
        return new ImageDataset(pixels, labels, 1, 2, 2, ["common", "rare"]);
    }

    private static int[] Ids(Batch batch, PixelRange range = PixelRange.ZeroToOne)
    {
        var bytes = new byte[batch.Pixels.Length];
        PixelConvert.ToBytes(batch.Pixels, range, bytes);
        return [.. Enumerable.Range(0, batch.Count).Select(b => (int)bytes[b * 4])];
    }

    [Fact]
    public void AnEpochVisitsEveryImageOnceInBatches()
    {
        var loader = new DataLoader(Data(), new DataLoaderOptions(16) { Range = PixelRange.ZeroToOne }, seed: 1);
        var batches = loader.Epoch(0).ToList();
        Assert.Equal([16, 16, 16, 2], batches.Select(b => b.Count));
        Assert.Equal(4, loader.BatchesPerEpoch);
        var ids = batches.SelectMany(b => Ids(b)).ToArray();
        Assert.Equal(Enumerable.Range(0, 50), ids.Order());
        Assert.NotEqual(Enumerable.Range(0, 50), ids);
        Assert.All(batches, b => Assert.Equal(Ids(b).Select(i => i % 10 == 9 ? 1 : 0), b.Labels));
    }

    [Fact]
    public void SameSeedAndEpochGiveTheSameOrderOtherEpochsDiffer()
    {
        var options = new DataLoaderOptions(10) { Range = PixelRange.ZeroToOne };
        var a = new DataLoader(Data(), options, seed: 3);
        var b = new DataLoader(Data(), options, seed: 3);
        var epoch1 = b.Epoch(1).SelectMany(x => Ids(x)).ToArray();
        Assert.Equal(a.Epoch(1).SelectMany(x => Ids(x)), epoch1);
        Assert.NotEqual(a.Epoch(0).SelectMany(x => Ids(x)), epoch1);
        Assert.NotEqual(new DataLoader(Data(), options, seed: 4).Epoch(1).SelectMany(x => Ids(x)), epoch1);
    }

    [Fact]
    public void NoShuffleKeepsTheOrder()
    {
        var loader = new DataLoader(Data(), new DataLoaderOptions(20) { Shuffle = false, Range = PixelRange.ZeroToOne }, seed: 1);
        Assert.Equal(Enumerable.Range(0, 50), loader.Epoch(0).SelectMany(x => Ids(x)));
    }

    [Fact]
    public void DropLastDropsTheShortBatch()
    {
        var loader = new DataLoader(Data(), new DataLoaderOptions(16) { DropLast = true }, seed: 1);
        Assert.Equal([16, 16, 16], loader.Epoch(0).Select(b => b.Count));
        Assert.Equal(3, loader.BatchesPerEpoch);
    }

    [Fact]
    public void ClassBalancedSamplingEvensOutTheClasses()
    {
        var loader = new DataLoader(Data(1000), new DataLoaderOptions(100) { ClassBalanced = true }, seed: 2);
        var labels = Enumerable.Range(0, 5).SelectMany(e => loader.Epoch(e).SelectMany(b => b.Labels)).ToArray();
        Assert.Equal(5000, labels.Length);
        Assert.InRange(labels.Count(y => y == 1), 2300, 2700);
    }

    [Fact]
    public void PixelsAreScaled()
    {
        var data = new ImageDataset([0, 255, 0, 255], [0], 1, 2, 2, ["x"]);
        var batch = new DataLoader(data, new DataLoaderOptions(1), seed: 0).Epoch(0).Single();
        Assert.Equal([-1f, 1f, -1f, 1f], batch.Pixels);
        Assert.Equal([1f], batch.OneHotLabels(1));
    }

    [Fact]
    public void AugmentationIsSeededPerEpoch()
    {
        var pixels = Enumerable.Range(0, 8 * 64).Select(i => (byte)(i * 7)).ToArray();
        var data = new ImageDataset(pixels, new int[8], 1, 8, 8, ["x"]);
        var options = new DataLoaderOptions(8) { Shuffle = false, Augment = new Augmentation { FlipProbability = 0.5, MaxShift = 2, MaxRotationDegrees = 10 } };
        var a = new DataLoader(data, options, seed: 9).Epoch(0).Single().Pixels;
        var b = new DataLoader(data, options, seed: 9).Epoch(0).Single().Pixels;
        var plain = new DataLoader(data, options with { Augment = null }, seed: 9).Epoch(0).Single().Pixels;
        Assert.Equal(a, b);
        Assert.NotEqual(plain, a);
        Assert.All(a, v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void BadOptionsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Data(), new DataLoaderOptions(0), seed: 0));
        Assert.Throws<ArgumentException>(() => new DataLoader(Data(), new DataLoaderOptions(4) { Augment = new Augmentation { FlipProbability = 2 } }, seed: 0));
    }
}
