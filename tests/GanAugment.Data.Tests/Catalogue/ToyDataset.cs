using System.Security.Cryptography;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Idx;
using GanAugment.Data.Tests.Idx;

namespace GanAugment.Data.Tests.Catalogue;

/// <summary>A four-file MNIST-layout data set small enough to serve and download in a test.</summary>
public static class ToyDataset
{
    public static readonly string[] FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    /// <summary>The bytes of the four files, in <see cref="FileNames"/> order.</summary>
    public static byte[][] Files()
    {
        using var dir = new TempDir();
        var train = IdxRoundTripTests.Tiny(count: 8);
        var test = IdxRoundTripTests.Tiny(count: 3);
        IdxDataset.Save(train, dir.File(FileNames[0]), dir.File(FileNames[1]), gzip: true);
        IdxDataset.Save(test, dir.File(FileNames[2]), dir.File(FileNames[3]), gzip: true);
        return [.. FileNames.Select(n => File.ReadAllBytes(dir.File(n)))];
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>An entry named "toy" pinning the SHA-256 of <paramref name="files"/>.</summary>
    public static DatasetEntry Entry(byte[][] files, string? baseUrl) => new(
        "toy", "toy digits", IdxRoundTripTests.Digits, new DatasetShape(1, 4, 3),
        [.. FileNames.Select((n, i) => new DatasetFile(n, new FileCheck { Sha256 = [Sha256(files[i])], Source = "test" }))],
        IdxLoaders.Mnist)
    {
        BaseUrl = baseUrl,
        HowToGet = "Put the toy files into {cache}.",
    };

    public static void WriteTo(string folder, byte[][] files)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < files.Length; i++) File.WriteAllBytes(Path.Combine(folder, FileNames[i]), files[i]);
    }
}
