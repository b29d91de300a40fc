using System.Globalization;
using System.Text;

namespace GanAugment.Data.Images;

/// <summary>
/// The one image-folder layout that ganaug writes (<c>sample</c>, <c>augment --format folder</c>)
/// and reads wherever a data set is named: one sub-folder per class, named
/// <c>&lt;index&gt;-&lt;name&gt;</c> (<c>03-3</c>, <c>07-Sneaker</c>, <c>00-T-shirt_top</c>), holding
/// PNG, JPEG, PGM/PPM or BMP files; either directly in the root, or split into <c>train/</c> and
/// <c>test/</c> with the same class folders. When every class folder is so numbered, 0, 1, 2, ...
/// in order, the label is the number and the class name the rest; any other folder names are the
/// class names themselves, labelled in ordinal order (the torchvision ImageFolder rule). The
/// colour mode is the first image's: grey files give a grey set, any other an RGB set.
/// </summary>
public static class ImageFolderDataset
{
    public const string TrainFolder = "train";
    public const string TestFolder = "test";

    /// <summary>
    /// The class folder name of class <paramref name="label"/> of <paramref name="classCount"/>:
    /// the index zero-padded to at least two digits (and to as many as the largest index has, so
    /// that name order is label order), a dash, and the name with characters that are unsafe in a
    /// file name replaced by '_'.
    /// </summary>
    public static string ClassFolder(int label, string name, int classCount)
    {
        var digits = Math.Max(2, (classCount - 1).ToString(CultureInfo.InvariantCulture).Length);
        var safe = new StringBuilder();
        foreach (var c in name) safe.Append(char.IsLetterOrDigit(c) || c is '-' or '.' or '(' or ')' or '+' ? c : '_');
        return label.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "-" + safe;
    }

    /// <summary>True when <paramref name="folder"/> is laid out as a split (it has a <c>train/</c> sub-folder).</summary>
    public static bool IsSplit(string folder) => Directory.Exists(Path.Combine(folder, TrainFolder));

    /// <summary>
    /// Reads the set at <paramref name="root"/>: train and test parts of a split layout, or the
    /// whole folder as the training part and an empty test part (same shape and classes).
    /// </summary>
    /// <exception cref="DataFormatException">A missing or empty folder, a bad image, or a test part whose classes differ from the training part's.</exception>
    public static ImageDatasetSplit Read(string root)
    {
        if (!Directory.Exists(root)) throw DataFormatException.At(root, "image folder does not exist");
        if (!IsSplit(root))
        {
            var whole = ReadPart(root);
            return new ImageDatasetSplit(whole, Empty(whole));
        }
        var train = ReadPart(Path.Combine(root, TrainFolder));
        var testRoot = Path.Combine(root, TestFolder);
        if (!Directory.Exists(testRoot)) return new ImageDatasetSplit(train, Empty(train));
        var test = ReadPart(testRoot);
        if (!test.ClassNames.SequenceEqual(train.ClassNames))
            throw DataFormatException.At(testRoot, $"test classes ({string.Join(", ", test.ClassNames)}) differ from the train classes ({string.Join(", ", train.ClassNames)})");
        if (test.Channels != train.Channels || test.Height != train.Height || test.Width != train.Width)
            throw DataFormatException.At(testRoot, string.Create(CultureInfo.InvariantCulture,
                $"test images are {test.Channels}x{test.Height}x{test.Width}, train images {train.Channels}x{train.Height}x{train.Width}"));
        return new ImageDatasetSplit(train, test);
    }

    /// <summary>The class names of folders named by <see cref="ClassFolder"/>, else the folder names unchanged.</summary>
    public static string[] ClassNames(IReadOnlyList<string> folderNames)
    {
        var names = new string[folderNames.Count];
        for (var i = 0; i < folderNames.Count; i++)
        {
            var dash = folderNames[i].IndexOf('-', StringComparison.Ordinal);
            if (dash < 1 || !int.TryParse(folderNames[i].AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var label) || label != i)
                return [.. folderNames];
            names[i] = folderNames[i][(dash + 1)..];
        }
        return names;
    }

    private static ImageDataset ReadPart(string folder)
    {
        var classDirs = ImageFolderReader.SortedSubfolders(folder);
        var first = classDirs.Select(ImageFolderReader.SortedImageFiles).FirstOrDefault(files => files.Length > 0)?[0];
        var mode = first is not null && ImageFile.Read(first).Channels == 1 ? ImageColor.Grey : ImageColor.Rgb;
        var data = ImageFolderReader.Read(folder, size: null, mode);
        var names = ClassNames([.. data.ClassNames]);
        return new ImageDataset(data.Pixels, data.Labels, data.Channels, data.Height, data.Width, names);
    }

    private static ImageDataset Empty(ImageDataset like) => new([], [], like.Channels, like.Height, like.Width, like.ClassNames);
}
