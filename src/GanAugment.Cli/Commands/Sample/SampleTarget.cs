namespace GanAugment.Cli.Commands.Sample;

/// <summary>The three outputs of <c>ganaug sample</c>, chosen by the --out path.</summary>
internal enum SampleTargetKind
{
    /// <summary>A folder of PNG files, one per sample (in one sub-folder per class for conditional models).</summary>
    PngFolder,

    /// <summary><c>name.idx</c>: <c>name-images-idx3-ubyte.gz</c> and <c>name-labels-idx1-ubyte.gz</c> beside it.</summary>
    Idx,

    /// <summary><c>name.png</c>: every sample in one grid image.</summary>
    Grid,
}

/// <summary>Where and how samples are written.</summary>
internal sealed record SampleTarget(SampleTargetKind Kind, string Path)
{
    /// <summary>
    /// The target <paramref name="path"/> names. A path with another extension is refused (it would
    /// become a folder called g.jpg), and so is a folder that already holds files, unless
    /// <paramref name="overwrite"/> empties it first, so new samples never mix with stale ones.
    /// </summary>
    public static SampleTarget Of(string path, bool overwrite = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (full.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) return new(SampleTargetKind.Grid, full);
        if (full.EndsWith(".idx", StringComparison.OrdinalIgnoreCase)) return new(SampleTargetKind.Idx, full);
        if (System.IO.Path.GetExtension(full) is { Length: > 0 } extension && !Directory.Exists(full))
            throw Infrastructure.UsageException.For("--out", $"'{extension}' is not a format sample writes; give a folder (PNG files), file.idx or grid.png (images), file.csv or file.arff (tables), file.csv (series)");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            if (!overwrite) throw Infrastructure.UsageException.For("--out", $"{full} is not empty; pass --overwrite to empty it first, or choose another folder");
            Directory.Delete(full, recursive: true);
        }
        return new(SampleTargetKind.PngFolder, full);
    }

    /// <summary>The IDX images file of an <see cref="SampleTargetKind.Idx"/> target (idx3 for grey, idx4 for colour).</summary>
    public string IdxImages(int channels) => Stem() + (channels == 1 ? "-images-idx3-ubyte.gz" : "-images-idx4-ubyte.gz");

    public string IdxLabels => Stem() + "-labels-idx1-ubyte.gz";

    private string Stem() => Path[..^".idx".Length];
}
