namespace GanAugment.Evaluation.FewShot;

/// <summary>
/// The few-shot protocol of DAGAN's seed (amurthy1/dagan_torch, after Antoniou et al. 2017,
/// https://arxiv.org/abs/1711.04340): for each shot count k, <see cref="Runs"/> runs that each draw
/// k training images per held-out class; the same classifier is trained for the same number of
/// steps without augmentation, with classic augmentation and with the GAN, and scored on the
/// other images of the classes.
/// </summary>
public sealed record FewShotOptions
{
    /// <summary>Shot counts k (training images per class).</summary>
    public IReadOnlyList<int> Shots { get; init; } = [1, 2, 3, 4, 5];
    public int Runs { get; init; } = 10;
    /// <summary>Passes over the k·classes support images (at least one batch each).</summary>
    public int Epochs { get; init; } = 200;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>One batch in this many goes through the augmentation (2: every other batch, as the seed).</summary>
    public int AugmentEvery { get; init; } = 2;
    /// <summary>Query images per class (the rest of each class when null).</summary>
    public int? QueryPerClass { get; init; }
    public FewShotClassifierOptions Classifier { get; init; } = new();
    public ulong Seed { get; init; }

    public void Validate()
    {
        if (Shots.Count == 0 || Shots.Any(k => k < 1)) throw new ArgumentException("shot counts must be at least 1");
        if (Runs < 2) throw new ArgumentException($"the t-test needs at least 2 runs, got {Runs}");
        if (Epochs < 1 || BatchSize < 1 || AugmentEvery < 1) throw new ArgumentException("epochs, batch size and augment-every must be at least 1");
        if (QueryPerClass is < 1) throw new ArgumentException($"query images per class must be at least 1, got {QueryPerClass}");
        Classifier.Validate();
    }
}

/// <summary>
/// The seed's classifier: a DenseNet of <see cref="Blocks"/> blocks of <see cref="LayersPerBlock"/>
/// 3×3 conv layers (growth <see cref="Growth"/>) whose pooled features, with the real/generated
/// flag appended, go through two dense layers (<see cref="Hidden"/> units, then the classes).
/// </summary>
public sealed record FewShotClassifierOptions
{
    public int Blocks { get; init; } = 4;
    public int LayersPerBlock { get; init; } = 3;
    public int Growth { get; init; } = 16;
    public int Hidden { get; init; } = 64;

    public void Validate()
    {
        if (Blocks < 1 || LayersPerBlock < 1 || Growth < 1 || Hidden < 1)
            throw new ArgumentException("classifier blocks, layers, growth and hidden units must be at least 1");
    }
}
