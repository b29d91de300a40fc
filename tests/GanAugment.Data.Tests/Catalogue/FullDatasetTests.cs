using GanAugment.Data.Catalogue;
using GanAugment.Data.Tests.Idx;

namespace GanAugment.Data.Tests.Catalogue;

/// <summary>Loads the full data sets where this machine has them, verifying the pinned checksums; skipped elsewhere.</summary>
public class FullDatasetTests
{
    private const string NpmMnist = "/work/datasets/package/data/train-images-idx3-ubyte";
    private const string DebianFashion = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz";

    [FactWhenFilesExist(NpmMnist)]
    public void FullMnistFromTheNpmPackage()
    {
        using var cache = new TempDir();
        var request = new DatasetRequest("mnist") { Path = Path.GetDirectoryName(NpmMnist), CacheRoot = cache.Path, VerifyLocalFiles = true };
        var split = DatasetCatalogue.CreateBuiltIn().Load(request);
        Assert.Equal((60_000, 10_000), (split.Train.Count, split.Test.Count));
        Assert.Equal(5923, split.Train.ClassCounts()[0]);
        Assert.Equal(1135, split.Test.ClassCounts()[1]);
    }

    [FactWhenFilesExist(DebianFashion)]
    public void FullFashionMnistFromTheDebianPackage()
    {
        using var cache = new TempDir();
        var request = new DatasetRequest("fashion-mnist") { CacheRoot = cache.Path, AllowDownload = false, VerifyLocalFiles = true };
        var catalogue = DatasetCatalogue.CreateBuiltIn();
        Assert.Equal(DatasetSource.LocalCopy, catalogue.Resolve(request).Source);
        var split = catalogue.Load(request);
        Assert.Equal((60_000, 10_000), (split.Train.Count, split.Test.Count));
        Assert.All(split.Train.ClassCounts(), c => Assert.Equal(6000, c));
        Assert.All(split.Test.ClassCounts(), c => Assert.Equal(1000, c));
    }
}
