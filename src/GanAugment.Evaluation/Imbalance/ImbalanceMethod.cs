namespace GanAugment.Evaluation.Imbalance;

/// <summary>The ways the imbalance protocol builds a training set from the imbalanced one (Mariani et al. 2018, §4).</summary>
public enum ImbalanceMethod
{
    /// <summary>The imbalanced set as it is.</summary>
    Plain,

    /// <summary>Minority classes oversampled with flips and small shifts of their real images.</summary>
    Mirror,

    /// <summary>Minority classes oversampled with SMOTE on pixels.</summary>
    Smote,

    /// <summary>Minority classes rebalanced with an unconditional GAN trained on each minority class alone.</summary>
    Gan,

    /// <summary>Minority classes rebalanced with an AC-GAN trained on the imbalanced set.</summary>
    AcGan,

    /// <summary>Minority classes rebalanced with BAGAN trained on the imbalanced set.</summary>
    Bagan,
}

/// <summary>Display names of the methods, as the reports print them.</summary>
public static class ImbalanceMethods
{
    public static IReadOnlyList<ImbalanceMethod> All { get; } = Enum.GetValues<ImbalanceMethod>();

    public static string Label(this ImbalanceMethod method) => method switch
    {
        ImbalanceMethod.Plain => "Plain",
        ImbalanceMethod.Mirror => "Mirror",
        ImbalanceMethod.Smote => "SMOTE",
        ImbalanceMethod.Gan => "GAN",
        ImbalanceMethod.AcGan => "ACGAN",
        _ => "BAGAN",
    };

    /// <summary>Whether the method needs a trained generator.</summary>
    public static bool IsGenerative(this ImbalanceMethod method) => method is ImbalanceMethod.Gan or ImbalanceMethod.AcGan or ImbalanceMethod.Bagan;

    /// <summary>Parses a name as the CLI takes it (case-insensitive: plain, mirror, smote, gan, acgan, bagan).</summary>
    public static ImbalanceMethod Parse(string text)
    {
        foreach (var method in All)
            if (string.Equals(method.Label(), text.Trim(), StringComparison.OrdinalIgnoreCase)) return method;
        throw new ArgumentException($"unknown method '{text}'; methods: {string.Join(", ", All.Select(m => m.Label().ToLowerInvariant()))}");
    }
}
