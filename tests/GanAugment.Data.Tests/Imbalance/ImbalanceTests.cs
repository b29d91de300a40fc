using GanAugment.Data.Images;
using GanAugment.Data.Imbalance;

namespace GanAugment.Data.Tests.Imbalance;

public class ImbalanceTests
{
    /// <summary>Images per class for a few classes; image i has label i % classes and pixel value i % 256.</summary>
    private static ImageDataset Balanced(int perClass = 100, int classes = 4)
    {
        var count = perClass * classes;
        var pixels = Enumerable.Range(0, count).Select(i => (byte)(i % 256)).ToArray();
        var labels = Enumerable.Range(0, count).Select(i => i % classes).ToArray();
        return new ImageDataset(pixels, labels, 1, 1, 1, [.. Enumerable.Range(0, classes).Select(c => $"c{c}")]);
    }

    [Fact]
    public void KeepFractionShrinksOnlyTheTargets()
    {
        var after = ImbalancedSubset.KeepFraction(Balanced(), [1, 3], 0.05, seed: 1);
        Assert.Equal([100, 5, 100, 5], after.ClassCounts());
    }

    [Fact]
    public void KeepFractionKeepsAtLeastOneImage()
    {
        var after = ImbalancedSubset.KeepFraction(Balanced(), [2], 0.001, seed: 1);
        Assert.Equal(1, after.ClassCounts()[2]);
    }

    [Fact]
    public void FractionZeroIsAnEmptyClassError()
    {
        var e = Assert.Throws<DataFormatException>(() => ImbalancedSubset.KeepFraction(Balanced(), [2], 0, seed: 1));
        Assert.StartsWith("empty class", e.Message);
        Assert.Throws<DataFormatException>(() => ImbalancedSubset.KeepFraction(Balanced(), [2], 1.5, seed: 1));
        Assert.Throws<DataFormatException>(() => ImbalancedSubset.KeepFraction(Balanced(), [7], 0.5, seed: 1));
    }

    [Fact]
    public void SameSeedSameSubsetOtherSeedOther()
    {
        var a = ImbalancedSubset.KeepFraction(Balanced(), [0], 0.1, seed: 5);
        var b = ImbalancedSubset.KeepFraction(Balanced(), [0], 0.1, seed: 5);
        var c = ImbalancedSubset.KeepFraction(Balanced(), [0], 0.1, seed: 6);
        Assert.Equal(a.Pixels, b.Pixels);
        Assert.NotEqual(a.Pixels, c.Pixels);
    }

    [Fact]
    public void KeptImagesStayInOriginalOrderWithTheirLabels()
    {
        var data = Balanced(perClass: 50);
        var after = ImbalancedSubset.KeepFraction(data, [0, 1, 2, 3], 0.3, seed: 2);
        var ids = after.Pixels.Select(p => (int)p).ToArray();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Select(i => i % 4), after.Labels);
    }

    [Fact]
    public void ExponentialProfileFollowsTheRatio()
    {
        var profile = LongTailProfile.Exponential(classCount: 5, head: 100, ratio: 100);
        Assert.Equal([100, 32, 10, 3, 1], profile.Counts);
        var reversed = LongTailProfile.Exponential(5, 100, 100, order: [4, 3, 2, 1, 0]);
        Assert.Equal([1, 3, 10, 32, 100], reversed.Counts);
    }

    [Fact]
    public void ApplyProfileKeepsTheCounts()
    {
        var after = ImbalancedSubset.ApplyProfile(Balanced(), LongTailProfile.PerClass(100, 50, 10, 1), seed: 3);
        Assert.Equal([100, 50, 10, 1], after.ClassCounts());
    }

    [Fact]
    public void ProfileErrors()
    {
        Assert.StartsWith("empty class", Assert.Throws<DataFormatException>(() => LongTailProfile.PerClass(10, 0)).Message);
        Assert.Throws<DataFormatException>(() => LongTailProfile.Exponential(3, 10, 0.5));
        Assert.Throws<DataFormatException>(() => LongTailProfile.Exponential(3, 10, 2, order: [0, 0, 1]));
        var tooMany = Assert.Throws<DataFormatException>(() => ImbalancedSubset.ApplyProfile(Balanced(), LongTailProfile.PerClass(101, 1, 1, 1), seed: 0));
        Assert.Equal("class 0 (c0) has 100 images, the profile asks for 101", tooMany.Message);
        Assert.Throws<DataFormatException>(() => ImbalancedSubset.ApplyProfile(Balanced(), LongTailProfile.PerClass(1, 1), seed: 0));
    }

    [Fact]
    public void HistogramReportsBeforeAndAfter()
    {
        var before = Balanced();
        var after = ImbalancedSubset.KeepFraction(before, [1], 0.25, seed: 1);
        var lines = ClassHistogram.Compare(before, after, barWidth: 8);
        Assert.Equal(
        [
            "    class before     after   kept",
            "  0 c0       100 ->    100 100.0% ########",
            "  1 c1       100 ->     25  25.0% ##",
            "  2 c2       100 ->    100 100.0% ########",
            "  3 c3       100 ->    100 100.0% ########",
            "    total    400 ->    325",
        ], lines);
        Assert.Equal("  1 c1        25 ##", ClassHistogram.Lines(after, barWidth: 8)[1]);
    }
}
