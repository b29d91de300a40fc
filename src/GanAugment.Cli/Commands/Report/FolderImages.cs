using System.Globalization;
using System.Text.RegularExpressions;
using GanAugment.Cli.Rendering;

namespace GanAugment.Cli.Commands.Report;

/// <summary>
/// The PNGs of a folder (sub-folders included; checkpoints, TensorBoard files and the shard
/// folders of a sharded protocol, whose merged results sit above them, excluded),
/// grouped: files whose names differ only in an epoch number (<c>samples/epoch-003-codes.png</c>,
/// <c>traversal_c1_epoch_3.png</c>, <c>cmp_class_1_epoch_2.png</c>) form a series shown as a
/// time-lapse in epoch order; every other file stands alone. Each group has a caption that says
/// what the file is when GanAugment wrote it (see <see cref="Describe"/>), else its path.
/// </summary>
internal static partial class FolderImages
{
    private static readonly string[] Skipped = ["checkpoints", "tb"];

    /// <summary>Whether a file below the folder (path relative to it) is left out of the report: see the class summary.</summary>
    public static bool IsSkipped(string relative)
    {
        var top = relative.Split(Path.DirectorySeparatorChar, '/');
        return top.Length > 1 && (Skipped.Contains(top[0]) || ShardFolder().IsMatch(top[0]));
    }

    public sealed record Group(string Pattern, string Caption, IReadOnlyList<(int Epoch, string Path)> Files)
    {
        public bool IsSeries => Files.Count > 1 || Files[0].Epoch >= 0;
    }

    /// <summary>The groups of <paramref name="folder"/>, ordered by pattern (ordinal), minus the files in <paramref name="exclude"/> (full paths).</summary>
    public static IReadOnlyList<Group> Find(string folder, IReadOnlySet<string>? exclude = null)
    {
        var files = Directory.EnumerateFiles(folder, "*.png", SearchOption.AllDirectories)
            .Where(f => !IsSkipped(Path.GetRelativePath(folder, f)))
            .Where(f => exclude is null || !exclude.Contains(Path.GetFullPath(f)));
        return files
            .Select(f => (Relative: Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'), Path: f))
            .Select(f => (f.Path, Key: EpochKey(f.Relative)))
            .GroupBy(f => f.Key.Pattern, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Group(g.Key, Describe(g.Key), g.Select(f => (f.Key.Epoch, f.Path)).OrderBy(f => f.Epoch).ThenBy(f => f.Path, StringComparer.Ordinal).ToArray()))
            .ToArray();
    }

    /// <summary>Adds each group to the page: a series as a time-lapse (frames labelled by epoch), a single file as a figure.</summary>
    public static void Add(HtmlReport page, IEnumerable<Group> groups)
    {
        foreach (var group in groups)
        {
            if (group.IsSeries)
                page.TimeLapse(group.Caption, group.Files.Select(f => (string.Create(CultureInfo.InvariantCulture, $"epoch {f.Epoch}"), File.ReadAllBytes(f.Path))).ToArray());
            else
                page.Image(File.ReadAllBytes(group.Files[0].Path), group.Caption);
        }
    }

    /// <summary>The path with its epoch number replaced by <c>{epoch}</c>, and that number (-1 when the name has none).</summary>
    public static (string Pattern, int Epoch) EpochKey(string relative)
    {
        var m = EpochNumber().Match(relative);
        if (!m.Success) return (relative, -1);
        var number = m.Groups[2];
        var pattern = relative[..number.Index] + "{epoch}" + relative[(number.Index + number.Length)..];
        return (pattern, int.Parse(number.Value, CultureInfo.InvariantCulture));
    }

    /// <summary>What GanAugment wrote under this (epoch-less) name, followed by the path; the path alone for a file it does not know.</summary>
    public static string Describe(string pattern)
    {
        var name = pattern.Split('/')[^1];
        var what = Captions.FirstOrDefault(c => c.Match.IsMatch(name)).Caption;
        return what is null ? pattern : $"{what} ({pattern})";
    }

    private static readonly (Regex Match, string Caption)[] Captions =
    [
        (new(@"^epoch-\{epoch\}\.png$"), "generated samples of each epoch (image grids, series plots or image pairs, as the model's data)"),
        (new(@"^epoch-\{epoch\}-codes\.png$"), "latent plot: the encoder's codes of real images, coloured by class (AAE)"),
        (new(@"^epoch-\{epoch\}-lattice\.png$"), "decodings of a lattice over the latent space (AAE)"),
        (new(@"^epoch-\{epoch\}-lattice-class-\d+\.png$"), "decodings of a lattice over the latent space for one class (supervised AAE)"),
        (new(@"^epoch-\{epoch\}-reconstructions\.png$"), "reconstructions G(E(x)) beside real images x (BiGAN)"),
        (new(@"^epoch-\{epoch\}-interpolation\.png$"), "interpolations between latent codes (BiGAN)"),
        (new(@"^epoch-\{epoch\}-columns\.png$"), "generated vs real table columns (histograms and category shares)"),
        (new(@"^epoch-\{epoch\}-heldout\.png$"), "translations of held-out source images (image pairs)"),
        (new(@"^cmp_class_.*_init\.png$"), "BAGAN class comparison before adversarial training: real, autoencoded and generated rows"),
        (new(@"^cmp_class_.*\{epoch\}\.png$"), "BAGAN class comparison: real, autoencoded and generated rows of each class"),
        (new(@"^traversal_.*\.png$"), "latent traversal of one continuous code, the others fixed (InfoGAN)"),
        (new(@"^losses\.png$"), "mean losses per epoch (ganaug plot)"),
        (new(@"^stats\.png$"), "generated vs real statistics per epoch (ganaug plot)"),
        (new(@"^pca\.png$"), "PCA of real and generated series (evaluate series)"),
        (new(@"^results\.png$"), "scores of each method (evaluate imbalance)"),
        (new(@"^synthetic_.*\.png$"), "synthetic minority samples of one method (evaluate imbalance)"),
        (new(@"^\d+-.*\.png$"), "real vs synthetic distribution of one column (evaluate table)"),
    ];

    /// <summary>The folder of one shard, as <c>evaluate imbalance --shard i/n</c> names it.</summary>
    [GeneratedRegex(@"^shard-\d+-of-\d+$")]
    private static partial Regex ShardFolder();

    /// <summary>"epoch-003", "epoch_3" or "epoch3" in a file name: the last such number is the epoch.</summary>
    [GeneratedRegex(@"(epoch[-_]?)(\d+)(?!.*epoch[-_]?\d)", RegexOptions.IgnoreCase)]
    private static partial Regex EpochNumber();
}
