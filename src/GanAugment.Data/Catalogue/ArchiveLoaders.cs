using System.Formats.Tar;
using System.IO.Compression;
using GanAugment.Data.Images;

namespace GanAugment.Data.Catalogue;

/// <summary>
/// Loaders of the catalogue entries distributed as archives (cifar10, gtsrb, omniglot): the
/// archive is unpacked once next to it (into a temporary folder, then renamed, so a failed unpack
/// leaves nothing behind) and read with the format's reader.
/// </summary>
public static class ArchiveLoaders
{
    /// <summary>Side of the square images gtsrb is resized to (the convolutional GANs' 32x32).</summary>
    public const int GtsrbSize = 32;

    /// <summary>Side of the square images omniglot is resized to (DAGAN's 28x28).</summary>
    public const int OmniglotSize = 28;

    public static ImageDatasetSplit Cifar10(DatasetEntry entry, DatasetFiles files)
    {
        var folder = Unpacked(files.PathOf("cifar-10-binary.tar.gz"), files.Folder, "cifar10-unpacked");
        var batches = FindFolder(folder, d => File.Exists(Path.Combine(d, "data_batch_1.bin")))
            ?? throw DataFormatException.At(files.PathOf("cifar-10-binary.tar.gz"), "the archive holds no data_batch_1.bin");
        return Cifar10Reader.Read(batches);
    }

    public static ImageDatasetSplit Gtsrb(DatasetEntry entry, DatasetFiles files)
    {
        var training = Unpacked(files.PathOf("GTSRB-Training_fixed.zip"), files.Folder, "gtsrb-training");
        var root = FindFolder(training, d => Directory.Exists(Path.Combine(d, "Final_Training")))
            ?? throw DataFormatException.At(files.PathOf("GTSRB-Training_fixed.zip"), "the archive holds no Final_Training folder");
        // The test images and their ground truth come in two more archives; put them under the same root.
        var testImages = Unpacked(files.PathOf("GTSRB_Final_Test_Images.zip"), files.Folder, "gtsrb-test-images");
        var testRoot = FindFolder(testImages, d => Directory.Exists(Path.Combine(d, "Final_Test")));
        var truth = Unpacked(files.PathOf("GTSRB_Final_Test_GT.zip"), files.Folder, "gtsrb-test-gt");
        var csv = Directory.EnumerateFiles(truth, "GT-final_test.csv", SearchOption.AllDirectories).FirstOrDefault();
        if (testRoot is not null && csv is not null)
        {
            var target = Path.Combine(root, "Final_Test");
            if (!Directory.Exists(target)) CopyTree(Path.Combine(testRoot, "Final_Test"), target);
            var targetCsv = Path.Combine(target, "GT-final_test.csv");
            if (!File.Exists(targetCsv)) File.Copy(csv, targetCsv);
        }
        return GtsrbReader.Read(root, GtsrbSize);
    }

    /// <summary>Omniglot: the background set (964 characters) as train, the evaluation set (659 others) as test.</summary>
    public static ImageDatasetSplit Omniglot(DatasetEntry entry, DatasetFiles files)
    {
        ImageDataset Read(string archive, string name)
        {
            var folder = Unpacked(files.PathOf(archive), files.Folder, "omniglot-" + name);
            var root = FindFolder(folder, d => Path.GetFileName(d) == name) ?? folder;
            return OmniglotReader.Read(root, OmniglotSize);
        }
        return new ImageDatasetSplit(Read("images_background.zip", "images_background"), Read("images_evaluation.zip", "images_evaluation"));
    }

    /// <summary>The folder <paramref name="name"/> beside the archive, unpacked if it is not there yet.</summary>
    internal static string Unpacked(string archive, string folder, string name)
    {
        var target = Path.Combine(folder, name);
        if (Directory.Exists(target)) return target;
        var tmp = target + ".tmp";
        if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
        Directory.CreateDirectory(tmp);
        try
        {
            using var stream = File.OpenRead(archive);
            if (archive.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) ZipFile.ExtractToDirectory(stream, tmp);
            else
            {
                using var gz = new GZipStream(stream, CompressionMode.Decompress);
                TarFile.ExtractToDirectory(gz, tmp, overwriteFiles: false);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or IOException)
        {
            Directory.Delete(tmp, recursive: true);
            throw DataFormatException.At(archive, $"cannot unpack the archive: {e.Message}");
        }
        Directory.Move(tmp, target);
        return target;
    }

    private static string? FindFolder(string root, Func<string, bool> match)
    {
        if (match(root)) return root;
        return Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault(match);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
