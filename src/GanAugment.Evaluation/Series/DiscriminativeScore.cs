using System.Text.Json.Serialization;
using GanAugment.Data.TimeSeries;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Series;

/// <summary>
/// TimeGAN's discriminative score (Yoon, Jarrett and van der Schaar 2019,
/// https://papers.nips.cc/paper/8789-time-series-generative-adversarial-networks): a post-hoc
/// classifier (<see cref="SeriesClassifier"/>, a 1-D CNN where TimeGAN's is recurrent) learns to tell real series (class 0)
/// from synthetic ones (class 1) on a training split and is scored on the held-out rest;
/// score = |accuracy − 0.5|, 0 when it cannot tell them apart, 0.5 when it always can. Both sets
/// are cut to the smaller one's size so that 0.5 is chance.
/// </summary>
public static class DiscriminativeScore
{
    public static readonly IReadOnlyList<string> ClassNames = ["real", "synthetic"];

    /// <summary>
    /// Draws as many series from each set (at random from <paramref name="seed"/>), trains the
    /// classifier on <paramref name="trainFraction"/> of them and scores it on the rest.
    /// </summary>
    /// <exception cref="ArgumentException">A set has fewer than two series, the shapes differ or the fraction leaves a split empty.</exception>
    public static DiscriminativeResult Compute(SequenceDataset real, SequenceDataset synthetic, SeriesNetworkOptions options, ulong seed,
        double trainFraction = 0.8, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        var count = Math.Min(real.Count, synthetic.Count);
        var train = (int)Math.Round(count * trainFraction);
        if (count < 2 || train < 1 || train >= count)
            throw new ArgumentException($"the discriminative score needs at least two series per set and a training fraction that leaves both splits non-empty, got {count} series and {trainFraction}");
        var rng = new Rng(seed);
        var (realOrder, fakeOrder) = (rng.Permutation(real.Count), rng.Permutation(synthetic.Count));
        var trainSet = SeriesSets.TwoClasses(real.Subset(realOrder[..train]), synthetic.Subset(fakeOrder[..train]), ClassNames);
        var testSet = SeriesSets.TwoClasses(real.Subset(realOrder[train..count]), synthetic.Subset(fakeOrder[train..count]), ClassNames);
        var accuracy = SeriesClassifier.Train(trainSet, options, rng.NextUInt64(), cancel).Accuracy(testSet);
        return new DiscriminativeResult(accuracy, Math.Abs(accuracy - 0.5), 2 * train, 2 * (count - train));
    }
}

/// <summary>The held-out accuracy of the real-vs-synthetic classifier, the score |accuracy − 0.5|, and the sizes of both splits (real and synthetic together).</summary>
public sealed record DiscriminativeResult(
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("train_series")] int TrainCount,
    [property: JsonPropertyName("test_series")] int TestCount);
