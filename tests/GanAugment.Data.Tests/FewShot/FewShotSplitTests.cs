using GanAugment.Data.FewShot;
using GanAugment.Data.Images;

namespace GanAugment.Data.Tests.FewShot;

public class FewShotSplitTests
{
    /// <summary>20 images per class for 10 classes; pixel value = image index (so images are identifiable).</summary>
    private static ImageDataset Data()
    {
        var labels = Enumerable.Range(0, 200).Select(i => i % 10).ToArray();
        var pixels = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        return new ImageDataset(pixels, labels, 1, 1, 1, [.. Enumerable.Range(0, 10).Select(c => $"c{c}")]);
    }

    [Fact]
    public void TrainAndHeldOutClassesAreDisjoint()
    {
        var split = FewShotSplit.Random(Data(), heldOutCount: 3, seed: 4);
        Assert.Equal(3, split.HeldOutClasses.Count);
        Assert.Empty(split.TrainClasses.Intersect(split.HeldOutClasses));
        Assert.Equal(10, split.TrainClasses.Count + split.HeldOutClasses.Count);
        Assert.Equal(140, split.Train.Count);
        Assert.All(split.Train.Labels, y => Assert.Contains(y, split.TrainClasses));
    }

    [Fact]
    public void EpisodesHaveKShotsPerHeldOutClassAndDisjointQueries()
    {
        var split = new FewShotSplit(Data(), [2, 5, 7], seed: 1);
        var episode = split.Episode(run: 0, shots: 5);
        Assert.Equal(15, episode.Support.Count);
        Assert.Equal(45, episode.Query.Count);
        Assert.All(new[] { 2, 5, 7 }, c => Assert.Equal(5, episode.Support.Labels.Count(y => y == c)));
        Assert.Empty(episode.Support.Pixels.Intersect(episode.Query.Pixels));
        Assert.All(episode.Query.Labels, y => Assert.Contains(y, new[] { 2, 5, 7 }));
    }

    [Fact]
    public void RunsAreRepeatableAndDiffer()
    {
        var a = new FewShotSplit(Data(), [2, 5, 7], seed: 1);
        var b = new FewShotSplit(Data(), [2, 5, 7], seed: 1);
        var supports = Enumerable.Range(0, 10).Select(r => a.Episode(r, 1).Support.Pixels).ToList();
        Assert.Equal(supports[3], b.Episode(3, 1).Support.Pixels);
        Assert.True(supports.Select(s => string.Join(',', s)).Distinct().Count() >= 8);
        Assert.Equal(FewShotSplit.Random(Data(), 3, seed: 8).HeldOutClasses, FewShotSplit.Random(Data(), 3, seed: 8).HeldOutClasses);
    }

    [Fact]
    public void OneShotSupportNestsInFiveShotAndQueriesMatch()
    {
        var split = new FewShotSplit(Data(), [0, 1], seed: 2);
        var one = split.Episode(4, shots: 1, queryPerClass: 10);
        var five = split.Episode(4, shots: 5, queryPerClass: 10);
        Assert.Subset(five.Support.Pixels.ToHashSet(), one.Support.Pixels.ToHashSet());
        Assert.Equal(one.Query.Pixels, five.Query.Pixels);
        Assert.Equal(20, five.Query.Count);
    }

    [Fact]
    public void BadArgumentsAreOneLineErrors()
    {
        var data = Data();
        Assert.Throws<DataFormatException>(() => new FewShotSplit(data, [], seed: 0));
        Assert.Throws<DataFormatException>(() => new FewShotSplit(data, [.. Enumerable.Range(0, 10)], seed: 0));
        Assert.Throws<DataFormatException>(() => new FewShotSplit(data, [3, 3], seed: 0));
        Assert.Throws<DataFormatException>(() => new FewShotSplit(data, [12], seed: 0));
        var split = new FewShotSplit(data, [1], seed: 0);
        Assert.Throws<DataFormatException>(() => split.Episode(-1, 1));
        Assert.Throws<DataFormatException>(() => split.Episode(0, 0));
        var e = Assert.Throws<DataFormatException>(() => split.Episode(0, 15, queryPerClass: 10));
        Assert.Equal("class 1 (c1) has 20 images, 15 shots and 10 query images need 25", e.Message);
    }
}
