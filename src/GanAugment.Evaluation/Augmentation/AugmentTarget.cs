namespace GanAugment.Evaluation.Augmentation;

/// <summary>How many images each class should have after augmentation.</summary>
public enum AugmentMode
{
    /// <summary>Every class up to the largest class's count.</summary>
    Balance,

    /// <summary>Every class up to a fixed count.</summary>
    Count,

    /// <summary>Every class up to a fraction of the largest class's count.</summary>
    Ratio,
}

/// <summary>
/// The goal of an augmentation: a class count per class (<see cref="AugmentMode"/>), reached by
/// adding synthetic images only to the classes below it (real images are never removed), and
/// optionally only for <see cref="Classes"/>.
/// </summary>
public sealed record AugmentTarget
{
    public AugmentMode Mode { get; init; } = AugmentMode.Balance;

    /// <summary>The count every class is brought up to (<see cref="AugmentMode.Count"/>).</summary>
    public int Count { get; init; }

    /// <summary>The fraction r of the largest class every class is brought up to, ⌈r·max⌉ (<see cref="AugmentMode.Ratio"/>).</summary>
    public double Ratio { get; init; } = 1;

    /// <summary>The classes to augment; null means every class below the goal.</summary>
    public IReadOnlyList<int>? Classes { get; init; }

    /// <summary>The number of synthetic images to add to each class, given the current <paramref name="counts"/>.</summary>
    public int[] Plan(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0) throw new ArgumentException("no classes to augment");
        var goal = Mode switch
        {
            AugmentMode.Balance => counts.Max(),
            AugmentMode.Count when Count >= 1 => Count,
            AugmentMode.Count => throw new ArgumentException($"the count per class must be at least 1, got {Count}"),
            AugmentMode.Ratio when Ratio > 0 && double.IsFinite(Ratio) => (int)Math.Ceiling(Ratio * counts.Max() - 1e-9),
            _ => throw new ArgumentException($"the ratio to the largest class must be a positive number, got {Ratio}"),
        };
        foreach (var c in Classes ?? [])
            if (c < 0 || c >= counts.Count) throw new ArgumentException($"class {c} does not exist; the data set has classes 0..{counts.Count - 1}");
        var chosen = Classes is null ? null : new HashSet<int>(Classes);
        var extra = new int[counts.Count];
        for (var c = 0; c < counts.Count; c++)
            if (chosen is null || chosen.Contains(c)) extra[c] = Math.Max(0, goal - counts[c]);
        return extra;
    }
}
