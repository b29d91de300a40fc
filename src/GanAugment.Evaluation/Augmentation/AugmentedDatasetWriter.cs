using System.Globalization;
using System.Text;
using System.Text.Json;
using GanAugment.Data;
using GanAugment.Data.Idx;
using GanAugment.Data.Images;
using GanAugment.Data.Writers;

namespace GanAugment.Evaluation.Augmentation;

/// <summary>
/// Writes an augmented data set to a new folder with <c>manifest.csv</c> (one row per training
/// image: index, file, label, class, synthetic flag, source) and <c>manifest.json</c> (what made
/// the synthetic images, counts per class, the input). Everything is written into a temporary
/// sibling folder that is renamed into place at the end, so a failure leaves no half-written
/// output; the output may never be, contain or lie inside an input.
/// </summary>
public static class AugmentedDatasetWriter
{
    public const string ManifestCsv = "manifest.csv";
    public const string ManifestJson = "manifest.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// Writes <paramref name="augmented"/> (and the unchanged <paramref name="test"/> part, if any) to
    /// <paramref name="output"/> and returns its full path. <paramref name="inputs"/> are the files
    /// or folders the data came from; <paramref name="overwrite"/> allows replacing an earlier output.
    /// </summary>
    /// <exception cref="DataFormatException">The output would overwrite an input or an existing folder, or cannot be written.</exception>
    public static string Write(AugmentedDataset augmented, ImageDataset? test, string output, AugmentFormat format,
        IReadOnlyCollection<string> inputs, bool overwrite, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentNullException.ThrowIfNull(augmented);
        var target = Path.GetFullPath(output);
        CheckTarget(target, inputs, overwrite);
        var data = augmented.Data;
        if (format == AugmentFormat.Idx && (data.Channels != 1 || data.ClassCount > 256))
            throw DataFormatException.At(target, $"IDX output holds grey images of at most 256 classes; this data set has {data.Channels} channels and {data.ClassCount} classes (use the image-folder format)");
        var temporary = target + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
            Directory.CreateDirectory(temporary);
            var files = format == AugmentFormat.Idx ? WriteIdx(temporary, data, test) : WriteFolders(temporary, augmented, test);
            File.WriteAllText(Path.Combine(temporary, ManifestCsv), ManifestRows(augmented, files));
            File.WriteAllText(Path.Combine(temporary, ManifestJson), JsonSerializer.Serialize(Summary(augmented, test, format, inputs, details), Json));
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(temporary, target);
            return target;
        }
        catch (Exception e)
        {
            TryDelete(temporary);
            if (e is IOException or UnauthorizedAccessException)
                throw DataFormatException.At(target, $"cannot write the augmented data set: {e.Message}");
            throw;
        }
    }

    /// <summary>Refuses an output that is, contains or lies inside an input, or that exists without <paramref name="overwrite"/>.</summary>
    private static void CheckTarget(string target, IReadOnlyCollection<string> inputs, bool overwrite)
    {
        foreach (var input in inputs.Select(Path.GetFullPath))
        {
            if (SameOrInside(target, input) || SameOrInside(input, target))
                throw DataFormatException.At(target, $"refusing to write over the input {input}: choose an output folder outside it");
        }
        if (File.Exists(target))
            throw DataFormatException.At(target, "exists and is a file; the output is a folder");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !overwrite)
            throw DataFormatException.At(target, "already exists; choose a new folder or allow overwriting it");
    }

    private static bool SameOrInside(string path, string folder)
    {
        var p = Path.TrimEndingDirectorySeparator(path);
        var f = Path.TrimEndingDirectorySeparator(folder);
        return p == f || p.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The IDX files; returns the name of each training image's place ("train-images-idx3-ubyte[i]").</summary>
    private static string[] WriteIdx(string folder, ImageDataset train, ImageDataset? test)
    {
        IdxDataset.Save(train, Path.Combine(folder, "train-images-idx3-ubyte"), Path.Combine(folder, "train-labels-idx1-ubyte"));
        if (test is not null)
            IdxDataset.Save(test, Path.Combine(folder, "t10k-images-idx3-ubyte"), Path.Combine(folder, "t10k-labels-idx1-ubyte"));
        return [.. Enumerable.Range(0, train.Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"train-images-idx3-ubyte[{i}]"))];
    }

    /// <summary>One PNG per image under <c>train/</c> and <c>test/</c>; returns each training image's relative path.</summary>
    private static string[] WriteFolders(string folder, AugmentedDataset augmented, ImageDataset? test)
    {
        var files = WriteSplit(folder, ImageFolderDataset.TrainFolder, augmented.Data, augmented.Synthetic);
        if (test is { Count: > 0 }) WriteSplit(folder, ImageFolderDataset.TestFolder, test, new bool[test.Count]);
        return files;
    }

    private static string[] WriteSplit(string folder, string split, ImageDataset data, bool[] synthetic)
    {
        // NOTE: the layout every reader accepts (ImageFolderDataset): train/ and test/, class folders "03-name".
        var classFolders = data.ClassNames.Select((name, c) => ImageFolderDataset.ClassFolder(c, name, data.ClassCount)).ToArray();
        foreach (var name in classFolders) Directory.CreateDirectory(Path.Combine(folder, split, name));
        var files = new string[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            var kind = synthetic[i] ? "synthetic" : "real";
            files[i] = string.Create(CultureInfo.InvariantCulture, $"{split}/{classFolders[data.Labels[i]]}/{kind}_{i:D6}.png");
            PngWriter.WriteChw(Path.Combine(folder, files[i]), data.Image(i), data.Channels, data.Height, data.Width);
        }
        return files;
    }

    private static string ManifestRows(AugmentedDataset augmented, string[] files)
    {
        var data = augmented.Data;
        // NOTE: per-image augmentation adds the file of each synthetic image's source image.
        var sourceOf = augmented.SourceOf;
        var text = new StringBuilder(sourceOf is null ? "index,file,label,class,synthetic,source\n" : "index,file,label,class,synthetic,source,source_file\n");
        for (var i = 0; i < data.Count; i++)
        {
            var source = augmented.Synthetic[i] ? augmented.Source : "real";
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{i},{Csv(files[i])},{data.Labels[i]},{Csv(data.ClassNames[data.Labels[i]])},{(augmented.Synthetic[i] ? 1 : 0)},{Csv(source)}"));
            if (sourceOf is not null) text.Append(',').Append(sourceOf[i] >= 0 ? Csv(files[sourceOf[i]]) : "");
            text.Append('\n');
        }
        return text.ToString();
    }

    private static object Summary(AugmentedDataset augmented, ImageDataset? test, AugmentFormat format, IReadOnlyCollection<string> inputs, IReadOnlyDictionary<string, string>? details)
    {
        var data = augmented.Data;
        var synthetic = augmented.SyntheticCounts();
        var total = data.ClassCounts();
        return new
        {
            format = format == AugmentFormat.Idx ? "idx" : "image-folder",
            source = augmented.Source,
            inputs = inputs.Select(Path.GetFullPath).ToArray(),
            images = data.Count,
            synthetic_images = synthetic.Sum(),
            test_images = test?.Count ?? 0,
            classes = data.ClassNames.Select((name, c) => new { label = c, name, real = total[c] - synthetic[c], synthetic = synthetic[c], total = total[c] }).ToArray(),
            details = details ?? new Dictionary<string, string>(),
        };
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write error is the one to report; a leftover temporary folder is harmless.
        }
    }
}
