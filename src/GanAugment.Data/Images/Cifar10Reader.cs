namespace GanAugment.Data.Images;

/// <summary>
/// Reads CIFAR-10 in its binary version (https://www.cs.toronto.edu/~kriz/cifar.html): files
/// <c>data_batch_1.bin</c> .. <c>data_batch_5.bin</c> (training) and <c>test_batch.bin</c>, each a
/// run of 3073-byte records: one label byte, then the 32x32 red plane, green plane and blue plane,
/// rows top to bottom (already C·H·W). Class names come from <c>batches.meta.txt</c>, one per line;
/// without that file the ten standard names are used.
/// </summary>
public static class Cifar10Reader
{
    public const int Side = 32;
    public const int ImageBytes = 3 * Side * Side;
    public const int RecordBytes = 1 + ImageBytes;

    /// <summary>The class names of the CIFAR-10 distribution, in label order.</summary>
    public static IReadOnlyList<string> StandardClassNames { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>Reads all six batches of <paramref name="directory"/> (all must be present).</summary>
    /// <exception cref="DataFormatException">A missing or malformed file; the message names it.</exception>
    public static ImageDatasetSplit Read(string directory)
    {
        if (!Directory.Exists(directory)) throw DataFormatException.At(directory, "CIFAR-10 folder does not exist");
        var names = ReadClassNames(Path.Combine(directory, "batches.meta.txt"));
        var train = new ImageDatasetBuilder(3, Side, Side);
        for (var b = 1; b <= 5; b++) ReadBatch(Path.Combine(directory, $"data_batch_{b}.bin"), names.Count, train);
        var test = new ImageDatasetBuilder(3, Side, Side);
        ReadBatch(Path.Combine(directory, "test_batch.bin"), names.Count, test);
        return new ImageDatasetSplit(train.Build(names), test.Build(names));
    }

    /// <summary>Reads one batch file with the given class names.</summary>
    public static ImageDataset ReadBatch(string path, IReadOnlyList<string> classNames)
    {
        var builder = new ImageDatasetBuilder(3, Side, Side);
        ReadBatch(path, classNames.Count, builder);
        return builder.Build(classNames);
    }

    /// <summary>Class names from a batches.meta.txt (non-blank lines, trimmed), or the standard names when the file is absent.</summary>
    public static IReadOnlyList<string> ReadClassNames(string path)
    {
        if (!File.Exists(path)) return StandardClassNames;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataFormatException.At(path, $"cannot read the file ({e.Message})");
        }
        var names = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (names.Length == 0) throw DataFormatException.At(path, "holds no class names");
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) throw DataFormatException.At(path, "class names repeat");
        return names;
    }

    private static void ReadBatch(string path, int classCount, ImageDatasetBuilder builder)
    {
        if (!File.Exists(path)) throw DataFormatException.At(path, "CIFAR-10 batch file is missing");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataFormatException.At(path, $"cannot read the file ({e.Message})");
        }
        DecodeBatch(bytes, path, classCount, builder);
    }

    /// <summary>Adds the records of an in-memory batch file; <paramref name="name"/> is used in error messages.</summary>
    internal static void DecodeBatch(ReadOnlySpan<byte> bytes, string name, int classCount, ImageDatasetBuilder builder)
    {
        if (bytes.Length == 0) throw DataFormatException.At(name, "batch file is empty", offset: 0);
        if (bytes.Length % RecordBytes != 0)
            throw DataFormatException.At(name,
                $"length {bytes.Length} is not a multiple of the {RecordBytes}-byte record (truncated?)",
                offset: bytes.Length / RecordBytes * RecordBytes);
        for (var offset = 0; offset < bytes.Length; offset += RecordBytes)
        {
            var label = bytes[offset];
            if (label >= classCount)
                throw DataFormatException.At(name, $"label {label} is not below the {classCount} classes", offset: offset);
            builder.AddChw(bytes.Slice(offset + 1, ImageBytes), label);
        }
    }
}
