using System.Formats.Tar;
using System.IO.Compression;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;

namespace GanAugment.Data.Tests.Catalogue;

public class ArchiveLoaderTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Cifar10IsReadFromItsTarGzAsDistributed()
    {
        var content = Directory.CreateDirectory(Path.Combine(_temp.Path, "src", "cifar-10-batches-bin")).FullName;
        for (var b = 1; b <= 5; b++) File.WriteAllBytes(Path.Combine(content, $"data_batch_{b}.bin"), Records((byte)b));
        File.WriteAllBytes(Path.Combine(content, "test_batch.bin"), Records(7, 8));
        var data = Directory.CreateDirectory(Path.Combine(_temp.Path, "data")).FullName;
        using (var file = File.Create(Path.Combine(data, "cifar-10-binary.tar.gz")))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
            TarFile.CreateFromDirectory(Path.Combine(_temp.Path, "src"), gz, includeBaseDirectory: false);

        var split = Load("cifar10", data);
        Assert.Equal([1, 2, 3, 4, 5], split.Train.Labels);
        Assert.Equal([7, 8], split.Test.Labels);
        Assert.Equal((3, 32, 32), (split.Train.Channels, split.Train.Height, split.Train.Width));
        Assert.Equal("airplane", split.Train.ClassNames[0]);
        Assert.True(Directory.Exists(Path.Combine(data, "cifar10-unpacked")));
        Assert.False(Directory.Exists(Path.Combine(data, "cifar10-unpacked.tmp")));
    }

    [Fact]
    public void A_corrupt_archive_is_one_clean_error_and_leaves_no_folder()
    {
        var data = Directory.CreateDirectory(Path.Combine(_temp.Path, "bad")).FullName;
        File.WriteAllBytes(Path.Combine(data, "cifar-10-binary.tar.gz"), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);
        var e = Assert.Throws<DataFormatException>(() => Load("cifar10", data));
        Assert.Contains("cifar-10-binary.tar.gz", e.Message);
        Assert.False(Directory.Exists(Path.Combine(data, "cifar10-unpacked")));
        Assert.False(Directory.Exists(Path.Combine(data, "cifar10-unpacked.tmp")));
    }

    private static ImageDatasetSplit Load(string name, string path) =>
        DatasetCatalogue.CreateBuiltIn().Load(new DatasetRequest(name) { Path = path, VerifyLocalFiles = false, AllowDownload = false });

    private static byte[] Records(params byte[] labels)
    {
        var bytes = new byte[labels.Length * Cifar10Reader.RecordBytes];
        for (var i = 0; i < labels.Length; i++) bytes[i * Cifar10Reader.RecordBytes] = labels[i];
        return bytes;
    }
}
