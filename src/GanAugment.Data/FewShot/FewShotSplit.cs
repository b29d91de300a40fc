using GanAugment.Tensors;
using GanAugment.Data.Images;
using GanAugment.Data.Loading;

namespace GanAugment.Data.FewShot;

/// <summary>
/// A DAGAN-style few-shot protocol (Antoniou, Storkey and Edwards 2017,
/// https://arxiv.org/abs/1711.04340): the classes are split into disjoint training and held-out
/// sets; the GAN trains on every image of the training classes, and each evaluation run draws
/// k support images per held-out class and scores on held-out query images.
/// For a given seed the split and every run are repeatable. Within a run the images of each
/// held-out class are shuffled once, the support is the first k and the query the rest, or the
/// last <c>queryPerClass</c>: then the 1-shot support is contained in the 5-shot support of the
/// same run and both are scored on the same query images.
/// </summary>
public sealed class FewShotSplit
{
    private readonly ImageDataset _data;
    private readonly long _seed;
    private readonly Dictionary<int, int[]> _heldOutMembers;

    /// <summary>Holds out the given classes.</summary>
    public FewShotSplit(ImageDataset data, IReadOnlyCollection<int> heldOutClasses, long seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(heldOutClasses);
        var heldOut = heldOutClasses.Distinct().Order().ToArray();
        if (heldOut.Length != heldOutClasses.Count)
            throw new DataFormatException("held-out classes must not repeat");
        if (heldOut.Length == 0 || heldOut.Length >= data.ClassCount)
            throw new DataFormatException($"hold out between 1 and {data.ClassCount - 1} of the {data.ClassCount} classes, got {heldOut.Length}");
        if (heldOut.Any(c => c < 0 || c >= data.ClassCount))
            throw new DataFormatException($"held-out classes must be in 0..{data.ClassCount - 1}");
        _data = data;
        _seed = seed;
        HeldOutClasses = heldOut;
        TrainClasses = [.. Enumerable.Range(0, data.ClassCount).Except(heldOut)];
        var held = heldOut.ToHashSet();
        _heldOutMembers = heldOut.ToDictionary(c => c, c => Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == c).ToArray());
        Train = data.Subset([.. Enumerable.Range(0, data.Count).Where(i => !held.Contains(data.Labels[i]))]);
    }

    /// <summary>Holds out <paramref name="heldOutCount"/> classes chosen by a seeded shuffle.</summary>
    public static FewShotSplit Random(ImageDataset data, int heldOutCount, long seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (heldOutCount < 1 || heldOutCount >= data.ClassCount)
            throw new DataFormatException($"hold out between 1 and {data.ClassCount - 1} of the {data.ClassCount} classes, got {heldOutCount}");
        var classes = Enumerable.Range(0, data.ClassCount).ToArray();
        Rng.ForStream(seed, -1).Shuffle(classes.AsSpan());
        return new FewShotSplit(data, classes[..heldOutCount], seed);
    }

    public IReadOnlyList<int> TrainClasses { get; }

    public IReadOnlyList<int> HeldOutClasses { get; }

    /// <summary>Every image of the training classes.</summary>
    public ImageDataset Train { get; }

    /// <summary>Run <paramref name="run"/> with <paramref name="shots"/> support images per held-out class.</summary>
    public FewShotEpisode Episode(int run, int shots, int? queryPerClass = null)
    {
        if (run < 0) throw new DataFormatException($"run index must be non-negative, got {run}");
        if (shots < 1) throw new DataFormatException($"shots per class must be at least 1, got {shots}");
        if (queryPerClass is < 1) throw new DataFormatException($"query images per class must be at least 1, got {queryPerClass}");
        var support = new List<int>();
        var query = new List<int>();
        foreach (var c in HeldOutClasses)
        {
            var members = (int[])_heldOutMembers[c].Clone();
            var needed = shots + (queryPerClass ?? 1);
            if (members.Length < needed)
                throw new DataFormatException($"class {c} ({_data.ClassNames[c]}) has {members.Length} images, {shots} shots and {queryPerClass ?? 1} query images need {needed}");
            Rng.ForStream(_seed, run, c).Shuffle(members.AsSpan());
            support.AddRange(members.Take(shots));
            query.AddRange(queryPerClass is { } q ? members[^q..] : members[shots..]);
        }
        support.Sort();
        query.Sort();
        return new FewShotEpisode(run, shots, _data.Subset(support), _data.Subset(query));
    }
}
