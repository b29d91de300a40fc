using System.IO.Compression;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Tests.Idx;

namespace GanAugment.Data.Tests.Catalogue;

public class DownloadTests
{
    private static readonly byte[][] Files = ToyDataset.Files();

    private static (DatasetCatalogue, DatasetRequest) Setup(LocalHttpServer server, TempDir cache, DatasetEntry? entry = null)
    {
        var catalogue = new DatasetCatalogue([entry ?? ToyDataset.Entry(Files, server.BaseUrl + "toy/")]);
        return (catalogue, new DatasetRequest("toy") { CacheRoot = cache.Path, Mirror = null, UseLocalCopies = false });
    }

    private static void Serve(LocalHttpServer server, string folder)
    {
        for (var i = 0; i < Files.Length; i++) server.Add($"{folder}/{ToyDataset.FileNames[i]}", Files[i]);
    }

    [Fact]
    public void DownloadsVerifiesAndThenHitsTheCache()
    {
        using var server = new LocalHttpServer();
        using var cache = new TempDir();
        Serve(server, "toy");
        var (catalogue, request) = Setup(server, cache);
        var log = new List<string>();

        var split = catalogue.Load(request with { Log = log.Add });
        Assert.Equal(8, split.Train.Count);
        Assert.Equal(3, split.Test.Count);
        Assert.Equal(4, server.Requests);
        Assert.Equal(ToyDataset.FileNames.Order(StringComparer.Ordinal).Select(n => Path.Combine("toy", n)), cache.Files());
        Assert.Equal(4, log.Count(l => l.StartsWith("downloading", StringComparison.Ordinal)));

        var again = catalogue.Resolve(request);
        Assert.Equal(DatasetSource.Cache, again.Source);
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public void OnlyMissingFilesAreDownloaded()
    {
        using var server = new LocalHttpServer();
        using var cache = new TempDir();
        Serve(server, "toy");
        var (catalogue, request) = Setup(server, cache);
        ToyDataset.WriteTo(Path.Combine(cache.Path, "toy"), Files);
        File.Delete(Path.Combine(cache.Path, "toy", ToyDataset.FileNames[2]));

        var files = catalogue.Resolve(request);
        Assert.Equal(DatasetSource.Downloaded, files.Source);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void MirrorReplacesTheBaseUrl()
    {
        using var server = new LocalHttpServer();
        using var cache = new TempDir();
        Serve(server, "mirror/toy");
        var (catalogue, request) = Setup(server, cache, ToyDataset.Entry(Files, "http://127.0.0.1:9/unreachable/"));

        var split = catalogue.Load(request with { Mirror = server.BaseUrl + "mirror" });
        Assert.Equal(8, split.Train.Count);
    }

    [Fact]
    public void BadChecksumIsRejectedAndNothingIsLeftInTheCache()
    {
        using var server = new LocalHttpServer();
        using var cache = new TempDir();
        Serve(server, "toy");
        var tampered = (byte[])Files[0].Clone();
        tampered[^9] ^= 1;
        server.Add("toy/" + ToyDataset.FileNames[0], tampered);
        var (catalogue, request) = Setup(server, cache);

        var e = Assert.Throws<DataFormatException>(() => catalogue.Resolve(request));
        Assert.StartsWith(server.BaseUrl + "toy/" + ToyDataset.FileNames[0], e.Message);
        Assert.Contains("checksum mismatch", e.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void NotFoundOnTheServerGivesOneClearLine()
    {
        using var server = new LocalHttpServer();
        using var cache = new TempDir();
        var (catalogue, request) = Setup(server, cache);

        var e = Assert.Throws<DatasetNotFoundException>(() => catalogue.Resolve(request));
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith($"toy: not found in {Path.Combine(cache.Path, "toy")}, and {server.BaseUrl}toy/train-images-idx3-ubyte.gz answered HTTP 404", e.Message);
        Assert.EndsWith($"Put the toy files into {Path.Combine(cache.Path, "toy")}.", e.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void InterruptedTransferLeavesNoPartialFile()
    {
        using var server = new LocalHttpServer();
        using var cache = new TempDir();
        Serve(server, "toy");
        var big = new byte[1 << 20];
        new Random(5).NextBytes(big);
        server.Add("toy/" + ToyDataset.FileNames[0], big, interrupt: true);
        var (catalogue, request) = Setup(server, cache);

        var e = Assert.Throws<DatasetNotFoundException>(() => catalogue.Resolve(request));
        Assert.Contains("train-images-idx3-ubyte.gz", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void UnreachableServerIsACleanError()
    {
        using var cache = new TempDir();
        var catalogue = new DatasetCatalogue([ToyDataset.Entry(Files, "http://127.0.0.1:9/")]);
        var e = Assert.Throws<DatasetNotFoundException>(() =>
            catalogue.Resolve(new DatasetRequest("toy") { CacheRoot = cache.Path, Mirror = null }));
        Assert.Contains("downloading http://127.0.0.1:9/train-images-idx3-ubyte.gz failed", e.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void ArchiveMembersAreExtractedIntoTheCache()
    {
        using var server = new LocalHttpServer();
        using var cache = new TempDir();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < Files.Length; i++)
                using (var member = zip.CreateEntry("gzip/" + ToyDataset.FileNames[i]).Open())
                    member.Write(Files[i]);
        var zipBytes = buffer.ToArray();
        server.Add("toy/all.zip", zipBytes);
        var entry = ToyDataset.Entry(Files, server.BaseUrl + "toy/") with
        {
            Files = [.. ToyDataset.FileNames.Select(n => new DatasetFile(n) { Archive = "all.zip" })],
            Archives = [new DatasetFile("all.zip", new FileCheck { Sha256 = [ToyDataset.Sha256(zipBytes)] })],
        };
        var (catalogue, request) = Setup(server, cache, entry);

        var split = catalogue.Load(request);
        Assert.Equal(8, split.Train.Count);
        Assert.Equal(1, server.Requests);
        Assert.Equal(5, cache.Files().Length);

        File.Delete(Path.Combine(cache.Path, "toy", ToyDataset.FileNames[3]));
        Assert.Equal(DatasetSource.Cache, catalogue.Resolve(request).Source);
        Assert.Equal(1, server.Requests);
    }
}
