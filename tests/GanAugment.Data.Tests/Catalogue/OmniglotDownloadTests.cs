using System.IO.Compression;
using System.Security.Cryptography;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images.Png;
using GanAugment.Data.Tests.Images;

namespace GanAugment.Data.Tests.Catalogue;

/// <summary>
/// The omniglot entry's download, checksum, cache and extraction, against a local HTTP server
/// serving two small zips of Omniglot's layout (images_background/Alphabet/characterNN/*.png).
/// </summary>
public class OmniglotDownloadTests
{
    private static byte[] Drawing(int x0)
    {
        var samples = new int[105 * 105];
        for (var i = 0; i < samples.Length; i++) samples[i] = i % 105 >= x0 && i % 105 < x0 + 20 ? 0 : 1;
        return new PngBuilder(105, 105, 1, PngColorType.Grey, samples).Build();
    }

    private static byte[] Zip(string set, params string[] characters)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (character, c) in characters.Select((ch, c) => (ch, c)))
                for (var drawing = 0; drawing < 2; drawing++)
                    using (var member = zip.CreateEntry($"{set}/{character}/{c:D2}{drawing:D2}_0{drawing + 1}.png").Open())
                        member.Write(Drawing(10 + 40 * drawing));
        return buffer.ToArray();
    }

    private static (DatasetCatalogue, DatasetRequest) Catalogue(LocalHttpServer server, TempDir cache, byte[] background, byte[] evaluation)
    {
        static FileCheck Md5Of(byte[] bytes) => new() { Md5 = Convert.ToHexStringLower(MD5.HashData(bytes)), Source = "test" };
        var entry = BuiltInDatasets.Omniglot() with
        {
            Files = [new DatasetFile("images_background.zip", Md5Of(background)), new DatasetFile("images_evaluation.zip", Md5Of(evaluation))],
            BaseUrl = server.BaseUrl + "omniglot/",
        };
        return (new DatasetCatalogue([entry]), new DatasetRequest("omniglot") { CacheRoot = cache.Path, Mirror = null, UseLocalCopies = false });
    }

    [Fact]
    public void DownloadsChecksMd5ExtractsTo28x28AndThenHitsTheCache()
    {
        using var server = new LocalHttpServer();
        using var cache = new TempDir();
        var background = Zip("images_background", "Latin/character01", "Latin/character02", "Greek/character01");
        var evaluation = Zip("images_evaluation", "Atlantean/character01");
        server.Add("omniglot/images_background.zip", background);
        server.Add("omniglot/images_evaluation.zip", evaluation);
        var (catalogue, request) = Catalogue(server, cache, background, evaluation);

        var split = catalogue.Load(request);
        Assert.Equal((6, 3, 28, 28), (split.Train.Count, split.Train.ClassCount, split.Train.Height, split.Train.Width));
        Assert.Equal((2, 1), (split.Test.Count, split.Test.ClassCount));
        Assert.Equal(2, server.Requests);

        var again = catalogue.Load(request);
        Assert.Equal(split.Train.Pixels, again.Train.Pixels);
        Assert.Equal(2, server.Requests); // from the cache
    }

    [Fact]
    public void AnArchiveWhoseMd5DiffersIsRejectedAndNotCached()
    {
        using var server = new LocalHttpServer();
        using var cache = new TempDir();
        var background = Zip("images_background", "Latin/character01");
        var evaluation = Zip("images_evaluation", "Atlantean/character01");
        server.Add("omniglot/images_background.zip", background);
        server.Add("omniglot/images_evaluation.zip", Zip("images_evaluation", "Other/character01"));
        var (catalogue, request) = Catalogue(server, cache, background, evaluation);

        var e = Assert.Throws<DataFormatException>(() => catalogue.Load(request));
        Assert.Contains("checksum mismatch", e.Message);
        Assert.DoesNotContain(cache.Files(), f => f.EndsWith("images_evaluation.zip", StringComparison.Ordinal));
    }
}
