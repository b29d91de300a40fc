using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Data.Tests.Idx;

namespace GanAugment.Data.Tests.Catalogue;

public class BuiltInDatasetsTests
{
    private static readonly DatasetCatalogue Catalogue = DatasetCatalogue.CreateBuiltIn();

    [Fact]
    public void ListsTheExpectedNames()
    {
        Assert.Equal(
            ["mnist", "fashion-mnist", "kmnist", "emnist-byclass", "emnist-bymerge", "emnist-balanced", "emnist-letters",
             "emnist-digits", "emnist-mnist", "mnist-small", "cifar10", "gtsrb", "omniglot", "credit-g", "thyroid"],
            Catalogue.Entries.Select(e => e.Name));
    }

    [Fact]
    public void EveryFileIsPinnedOrSaysWhyNot()
    {
        foreach (var entry in Catalogue.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.HowToGet), entry.Name);
            Assert.False(string.IsNullOrWhiteSpace(entry.License), entry.Name);
            foreach (var file in entry.Files.Concat(entry.Archives))
            {
                var check = file.Check;
                foreach (var sha in check.Sha256.Append(check.ContentSha256).OfType<string>())
                    Assert.Matches("^[0-9a-f]{64}$", sha);
                if (check.Md5 is not null) Assert.Matches("^[0-9a-f]{32}$", check.Md5);
                Assert.True(check.HasDigest || file.Archive is not null, $"{entry.Name}/{file.Name} is not verified");
                Assert.True(file.Archive is not null || check.Source.Length > 0, $"{entry.Name}/{file.Name} has no checksum source");
            }
        }
    }

    [Theory]
    [InlineData("emnist-byclass", 62)]
    [InlineData("emnist-bymerge", 47)]
    [InlineData("emnist-balanced", 47)]
    [InlineData("emnist-letters", 26)]
    [InlineData("emnist-digits", 10)]
    [InlineData("emnist-mnist", 10)]
    [InlineData("gtsrb", 43)]
    [InlineData("cifar10", 10)]
    public void ClassCounts(string name, int classes) => Assert.Equal(classes, Catalogue.Find(name).ClassNames.Count);

    [Fact]
    public void MnistSmallLoadsFromTheRepositoryWithVerifiedChecksums()
    {
        using var cache = new TempDir();
        var request = new DatasetRequest("mnist-small") { CacheRoot = cache.Path, AllowDownload = false, VerifyLocalFiles = true };
        var files = Catalogue.Resolve(request);
        Assert.Equal(DatasetSource.LocalCopy, files.Source);

        var split = Catalogue.Load(request);
        Assert.Equal(10_000, split.Train.Count);
        Assert.Equal(2_000, split.Test.Count);
        Assert.All(split.Train.ClassCounts(), c => Assert.Equal(1000, c));
        Assert.All(split.Test.ClassCounts(), c => Assert.Equal(200, c));
        Assert.Equal((1, 28, 28), (split.Train.Channels, split.Train.Height, split.Train.Width));
    }

    [Fact]
    public void EntriesWithoutAReaderSayHowToPlugOneIn()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("cifar-10-binary.tar.gz"), [1, 2, 3]);
        var withoutReader = Catalogue.With(Catalogue.Find("cifar10") with { Loader = null });
        var e = Assert.Throws<NotSupportedException>(() => withoutReader.Load(new DatasetRequest("cifar10") { Path = dir.Path }));
        Assert.Contains("WithLoader", e.Message);
    }

    [Fact]
    public void WithLoaderPlugsInAReader()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("cifar-10-binary.tar.gz"), [1, 2, 3]);
        var fake = new ImageDatasetSplit(IdxRoundTripTests.Tiny(), IdxRoundTripTests.Tiny(2));
        string? seen = null;
        var catalogue = Catalogue.WithLoader("cifar10", (entry, files) => { seen = files.PathOf("cifar-10-binary.tar.gz"); return fake; });

        Assert.Same(fake, catalogue.Load(new DatasetRequest("cifar10") { Path = dir.Path }));
        Assert.Equal(dir.File("cifar-10-binary.tar.gz"), seen);
        Assert.Equal((DatasetLoader)ArchiveLoaders.Cifar10, Catalogue.Find("cifar10").Loader); // the original is unchanged
    }

    [Fact]
    public void EmnistLoaderTransposesAndShiftsLetterLabels()
    {
        using var dir = new TempDir();
        byte[] pixels = [1, 2, 3, 4, 5, 6]; // one image stored as 2 rows of 3: upright it is 3 rows of 2
        GanAugment.Data.Idx.IdxWriter.WriteImages(dir.File("emnist-letters-train-images-idx3-ubyte.gz"), pixels, 1, 2, 3, gzip: true);
        GanAugment.Data.Idx.IdxWriter.WriteLabels(dir.File("emnist-letters-train-labels-idx1-ubyte.gz"), [26], gzip: true);
        GanAugment.Data.Idx.IdxWriter.WriteImages(dir.File("emnist-letters-test-images-idx3-ubyte.gz"), pixels, 1, 2, 3, gzip: true);
        GanAugment.Data.Idx.IdxWriter.WriteLabels(dir.File("emnist-letters-test-labels-idx1-ubyte.gz"), [0], gzip: true);
        var request = new DatasetRequest("emnist-letters") { Path = dir.Path };

        var e = Assert.Throws<DataFormatException>(() => Catalogue.Load(request));
        Assert.Contains("label 0 of item 0 is out of range 1..26", e.Message);

        GanAugment.Data.Idx.IdxWriter.WriteLabels(dir.File("emnist-letters-test-labels-idx1-ubyte.gz"), [1], gzip: true);
        var split = Catalogue.Load(request);
        Assert.Equal(new byte[] { 1, 4, 2, 5, 3, 6 }, split.Train.Pixels);
        Assert.Equal((3, 2), (split.Train.Height, split.Train.Width));
        Assert.Equal([25], split.Train.Labels);
        Assert.Equal("Z/z", split.Train.ClassNames[25]);
        Assert.Equal([0], split.Test.Labels);
    }
}
