using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Images;
using GanAugment.Data.Imbalance;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Gans.Training;

namespace GanAugment.Cli.Commands.Augment;

/// <summary>
/// The training set a run learned from, rebuilt from the full set it names: the cut of
/// <c>train --target-class</c> (<c>imbalance.json</c>), or the cut of an <c>evaluate imbalance</c> or
/// <c>demo</c> generator, whose <c>training_set.json</c> (<see cref="TrainingSetStamp"/>) holds the
/// counts per class and a SHA-256 of the images. Both cuts draw each class's kept images with the
/// run's seed, so the counts and the seed give the images back, and the hash proves it; a set that
/// cannot be rebuilt is an error, never a silent fall-back to the full set.
/// </summary>
internal static class TrainedSet
{
    public static ImageDataset Of(RunDirectory run, RunManifest manifest, ImageDataset full, DataSelection data)
    {
        var train = Train.TrainImbalance.Load(run) is { } imbalance ? imbalance.Apply(full) : full;
        if (TrainingSetStamp.Load(run) is not { } stamp || TrainingSetStamp.Of(train) == stamp) return train;
        if (Counts(stamp) is { } counts && counts.Length == full.ClassCount && counts.Zip(full.ClassCounts()).All(p => p.First <= p.Second))
        {
            var cut = ImbalancedSubset.ApplyProfile(full, LongTailProfile.PerClass(counts), unchecked((long)manifest.Trainer.Seed));
            if (TrainingSetStamp.Of(cut) == stamp) return cut;
        }
        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
            $"{run.File(TrainingSetStamp.FileName)}: the run was trained on {stamp.Images} images (per class {stamp.ClassCounts}) that cannot be rebuilt from {data} ({full.Count} images, per class {string.Join(" ", full.ClassCounts())}); pass --data to augment a set of your choice"));
    }

    private static int[]? Counts(TrainingSetStamp stamp)
    {
        var parts = stamp.ClassCounts.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var counts = new int[parts.Length];
        for (var c = 0; c < parts.Length; c++)
            if (!int.TryParse(parts[c], NumberStyles.None, CultureInfo.InvariantCulture, out counts[c])) return null;
        return counts;
    }
}
