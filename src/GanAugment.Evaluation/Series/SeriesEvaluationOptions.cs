using GanAugment.Data.TimeSeries;

namespace GanAugment.Evaluation.Series;

/// <summary>How <see cref="SeriesEvaluator"/> judges a generator of series.</summary>
public sealed record SeriesEvaluationOptions
{
    /// <summary>Random splits of the MMD permutation test.</summary>
    public int Permutations { get; init; } = 200;

    /// <summary>The post-hoc classifiers and predictors.</summary>
    public SeriesNetworkOptions Networks { get; init; } = new();

    /// <summary>Seed of the permutations, the splits and the post-hoc networks.</summary>
    public ulong Seed { get; init; }

    /// <summary>Most points per set in the PCA plot (TimeGAN draws 1000).</summary>
    public int PcaPoints { get; init; } = 1000;

    public void Validate()
    {
        Networks.Validate();
        if (Permutations < 1 || PcaPoints < 2) throw new ArgumentException($"series evaluation needs at least one permutation and two PCA points, got {this}");
    }
}

/// <summary>
/// The three sets of a series evaluation, all in the space the generator works in (the run's
/// per-feature scaling) and of one shape: real series to train the post-hoc networks on, real
/// series held out to test them and to compare with (MMD, discriminative score, PCA), and
/// generated series. For TSTR/TRTS all three carry labels of the same classes.
/// </summary>
public sealed record SeriesEvaluationInput(SequenceDataset RealTrain, SequenceDataset RealTest, SequenceDataset Synthetic)
{
    public bool Labelled => RealTrain.HasLabels && RealTest.HasLabels && Synthetic.HasLabels;

    public void Validate()
    {
        foreach (var (set, name) in new[] { (RealTrain, "real training"), (RealTest, "real test"), (Synthetic, "synthetic") })
        {
            if (set.Length != Synthetic.Length || set.Features != Synthetic.Features)
                throw new ArgumentException($"the {name} series are {set.Length}x{set.Features}, the synthetic ones {Synthetic.Length}x{Synthetic.Features}");
            if (set.Count < 4) throw new ArgumentException($"the {name} set needs at least 4 series, got {set.Count}");
        }

        if (Labelled && !(RealTrain.ClassNames.SequenceEqual(Synthetic.ClassNames) && RealTest.ClassNames.SequenceEqual(Synthetic.ClassNames)))
            throw new ArgumentException($"the real classes ({string.Join(", ", RealTest.ClassNames)}) are not the generator's ({string.Join(", ", Synthetic.ClassNames)})");
    }
}
