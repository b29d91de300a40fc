namespace GanAugment.Evaluation.Imbalance;

/// <summary>
/// One run of the imbalance protocol of the BAGAN paper (Mariani et al. 2018,
/// https://arxiv.org/abs/1803.09655, §4): keep a fraction <see cref="Keep"/> of the target
/// classes' training images, build a training set with each method, train the same classifier on
/// each over <see cref="Seeds"/> seeds and score it on the untouched test set.
/// </summary>
public sealed record ImbalanceExperiment
{
    /// <summary>The minority classes.</summary>
    public required IReadOnlyList<int> TargetClasses { get; init; }

    /// <summary>The fraction u of the target classes' images kept (the reference's <c>--unbalance</c>; dropping 97.5 % is u = 0.025).</summary>
    public double Keep { get; init; } = 0.05;

    public int Seeds { get; init; } = 5;

    /// <summary>The first seed; seed k of the protocol is Seed + k.</summary>
    public ulong Seed { get; init; }

    public IReadOnlyList<ImbalanceMethod> Methods { get; init; } = ImbalanceMethods.All;

    public ClassifierOptions Classifier { get; init; } = new();

    public GeneratorSchedule Bagan { get; init; } = new("bagan");

    public GeneratorSchedule AcGan { get; init; } = new("acgan") { BatchSize = 64 };

    /// <summary>The unconditional GAN trained on each minority class alone; its epochs count in steps of the imbalanced set (see <see cref="ImbalanceProtocol"/>).</summary>
    public GeneratorSchedule Gan { get; init; } = new("dcgan") { BatchSize = 32 };

    /// <summary>
    /// Whether the imbalanced subset and the generators are made anew for every seed. By default
    /// they are made once (from <see cref="Seed"/>) and the seeds vary the classifier and the
    /// synthetic samples, which keeps the GAN training cost to one run per generator.
    /// </summary>
    public bool RetrainGenerators { get; init; }

    /// <summary>The default <see cref="GridScale"/>: 28-pixel digits shown at 56 pixels.</summary>
    public const int DefaultGridScale = 2;

    /// <summary>The whole factor by which the synthetic-sample grids (<c>synthetic_&lt;method&gt;.png</c>) enlarge each image, nearest neighbour, so that small images can be judged by eye.</summary>
    public int GridScale { get; init; } = DefaultGridScale;

    public void Validate()
    {
        if (TargetClasses.Count == 0) throw new ArgumentException("the protocol needs at least one target (minority) class");
        if (!(Keep > 0 && Keep < 1)) throw new ArgumentException($"the fraction of the target class to keep must be in (0, 1), got {Keep}");
        if (Seeds < 1) throw new ArgumentException($"the protocol needs at least one seed, got {Seeds}");
        if (Methods.Count == 0) throw new ArgumentException("the protocol needs at least one method");
        if (GridScale is < 1 or > 16) throw new ArgumentException($"the grid scale must be a whole factor from 1 to 16, got {GridScale}");
        Classifier.Validate();
    }
}
