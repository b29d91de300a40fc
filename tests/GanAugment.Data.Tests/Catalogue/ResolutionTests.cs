using GanAugment.Data.Catalogue;
using GanAugment.Data.Tests.Idx;

namespace GanAugment.Data.Tests.Catalogue;

public class ResolutionTests
{
    private static readonly byte[][] Files = ToyDataset.Files();

    private static DatasetCatalogue Catalogue(params string[] localFolders) =>
        new([ToyDataset.Entry(Files, baseUrl: null) with { LocalFolders = localFolders }]);

    [Fact]
    public void ExplicitPathWinsOverCacheAndLocalCopies()
    {
        using var dir = new TempDir();
        foreach (var f in new[] { "explicit", "cache/toy", "local" }) ToyDataset.WriteTo(dir.File(f), Files);
        var files = Catalogue(dir.File("local")).Resolve(new DatasetRequest("toy") { Path = dir.File("explicit"), CacheRoot = dir.File("cache") });
        Assert.Equal(DatasetSource.ExplicitPath, files.Source);
        Assert.Equal(dir.File("explicit"), files.Folder);
    }

    [Fact]
    public void CacheWinsOverLocalCopies()
    {
        using var dir = new TempDir();
        foreach (var f in new[] { "cache/toy", "local" }) ToyDataset.WriteTo(dir.File(f), Files);
        var files = Catalogue(dir.File("local")).Resolve(new DatasetRequest("toy") { CacheRoot = dir.File("cache") });
        Assert.Equal(DatasetSource.Cache, files.Source);
    }

    [Fact]
    public void LocalCopyIsUsedWhenTheCacheIsEmpty()
    {
        using var dir = new TempDir();
        ToyDataset.WriteTo(dir.File("local"), Files);
        var files = Catalogue(dir.File("nothing"), dir.File("local")).Resolve(new DatasetRequest("toy") { CacheRoot = dir.File("cache") });
        Assert.Equal(DatasetSource.LocalCopy, files.Source);
        Assert.Equal(dir.File("local"), files.Folder);
    }

    [Fact]
    public void RawFilesAreAcceptedForGzNames()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("raw"));
        for (var i = 0; i < Files.Length; i++)
        {
            using var gz = new System.IO.Compression.GZipStream(new MemoryStream(Files[i]), System.IO.Compression.CompressionMode.Decompress);
            using var raw = File.Create(Path.Combine(dir.File("raw"), ToyDataset.FileNames[i][..^3]));
            gz.CopyTo(raw);
        }
        var split = Catalogue().Load(new DatasetRequest("toy") { Path = dir.File("raw"), CacheRoot = dir.File("cache") });
        Assert.Equal(8, split.Train.Count);
    }

    [Fact]
    public void ExplicitPathLackingFilesNamesThem()
    {
        using var dir = new TempDir();
        ToyDataset.WriteTo(dir.File("x"), Files);
        File.Delete(Path.Combine(dir.File("x"), ToyDataset.FileNames[1]));
        ToyDataset.WriteTo(dir.File("cache/toy"), Files);
        var e = Assert.Throws<DatasetNotFoundException>(() =>
            Catalogue().Resolve(new DatasetRequest("toy") { Path = dir.File("x"), CacheRoot = dir.File("cache") }));
        Assert.StartsWith($"toy: {dir.File("x")} lacks train-labels-idx1-ubyte.gz; it needs", e.Message);
    }

    [Fact]
    public void ExplicitPathThatIsNotAFolder()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DatasetNotFoundException>(() =>
            Catalogue().Resolve(new DatasetRequest("toy") { Path = dir.File("none"), CacheRoot = dir.File("cache") }));
        Assert.Contains("is not a folder", e.Message);
    }

    [Fact]
    public void MissingWithDownloadsOffSaysHowToGetIt()
    {
        using var dir = new TempDir();
        var entry = ToyDataset.Entry(Files, "http://127.0.0.1:9/");
        var e = Assert.Throws<DatasetNotFoundException>(() =>
            new DatasetCatalogue([entry]).Resolve(new DatasetRequest("toy") { CacheRoot = dir.Path, AllowDownload = false, UseLocalCopies = false }));
        var cache = Path.Combine(dir.Path, "toy");
        Assert.Equal($"toy: not found in {cache} and downloads are turned off. Put the toy files into {cache}.", e.Message);
    }

    [Fact]
    public void VerifyLocalFilesCatchesATamperedCopy()
    {
        using var dir = new TempDir();
        ToyDataset.WriteTo(dir.File("x"), Files);
        var path = Path.Combine(dir.File("x"), ToyDataset.FileNames[2]);
        var bytes = File.ReadAllBytes(path);
        bytes[^9] ^= 4;
        File.WriteAllBytes(path, bytes);
        var request = new DatasetRequest("toy") { Path = dir.File("x"), CacheRoot = dir.File("cache") };

        Catalogue().Resolve(request);
        var e = Assert.Throws<DataFormatException>(() => Catalogue().Resolve(request with { VerifyLocalFiles = true }));
        Assert.StartsWith($"{path}: checksum mismatch", e.Message);
    }

    [Fact]
    public void UnknownNameListsTheKnownOnes()
    {
        var e = Assert.Throws<DatasetNotFoundException>(() => Catalogue().Find("nope"));
        Assert.Equal("unknown data set 'nope'; known: toy", e.Message);
    }

    [Fact]
    public void CacheRootFollowsTheEnvironmentOrder()
    {
        Dictionary<string, string?> env = new() { ["GANAUG_DATA"] = "/d", ["XDG_CACHE_HOME"] = "/x", ["HOME"] = "/h" };
        Assert.Equal("/d", DataLocations.DefaultCacheRoot(k => env.GetValueOrDefault(k)));
        env["GANAUG_DATA"] = "";
        Assert.Equal("/x/ganaugment", DataLocations.DefaultCacheRoot(k => env.GetValueOrDefault(k)));
        env.Remove("XDG_CACHE_HOME");
        Assert.Equal("/h/.cache/ganaugment", DataLocations.DefaultCacheRoot(k => env.GetValueOrDefault(k)));
        Assert.Null(DataLocations.DefaultMirror(k => env.GetValueOrDefault(k)));
    }
}
