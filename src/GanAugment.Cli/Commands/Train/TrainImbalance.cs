using System.Globalization;
using System.Text.Json;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Images;
using GanAugment.Data.Imbalance;
using GanAugment.Gans.Training;

namespace GanAugment.Cli.Commands.Train;

/// <summary>
/// <c>ganaug train --target-class c --unbalance u</c>: the run trains on the training set with the
/// target classes cut to a seeded fraction u of their images (BAGAN's setting). It is recorded in
/// the run's <c>imbalance.json</c>, so <c>--resume</c> cuts the very same images.
/// </summary>
internal sealed record TrainImbalance(int[] TargetClasses, double Keep, ulong Seed)
{
    public const string FileName = "imbalance.json";

    /// <summary>The fraction kept, from --unbalance u or --drop d (= 1 − u); 0.05 when only a target class is given.</summary>
    public static double KeepFrom(double? unbalance, double? drop)
    {
        if (unbalance is not null && drop is not null) throw UsageException.For("--drop", "and --unbalance say the same thing; give one (--drop d is --unbalance 1-d)");
        var keep = unbalance ?? (drop is { } d ? 1 - d : 0.05);
        if (!(keep > 0 && keep < 1))
            throw UsageException.For(drop is null ? "--unbalance" : "--drop", $"must leave a fraction of the class in (0, 1), got {keep.ToString(CultureInfo.InvariantCulture)} kept");
        return keep;
    }

    /// <summary>The classes of "c" or "c,d", by name or index (<see cref="ClassArgument"/>); "all" is handled by the caller.</summary>
    public static int[] ParseClasses(string text, IReadOnlyList<string> classNames) => ClassArgument.ResolveList(text, classNames, "--target-class");

    public static bool IsAll(string? text) => string.Equals(text?.Trim(), "all", StringComparison.OrdinalIgnoreCase);

    /// <summary>Tag of the minority classes in BAGAN's file names (cmp_class_&lt;tag&gt;_epoch_N.png).</summary>
    public string Tag => string.Join("-", TargetClasses);

    public ImageDataset Apply(ImageDataset train) => ImbalancedSubset.KeepFraction(train, TargetClasses, Keep, unchecked((long)Seed));

    public void Save(RunDirectory run) => RunDirectory.WriteText(run.File(FileName), JsonSerializer.Serialize(this));

    /// <summary>The imbalance a run was trained with, or null when it used the whole training set.</summary>
    public static TrainImbalance? Load(RunDirectory run)
    {
        var path = run.File(FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<TrainImbalance>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid imbalance record ({e.Message})", e);
        }
    }
}
