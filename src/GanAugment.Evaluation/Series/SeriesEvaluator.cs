using System.Diagnostics;
using GanAugment.Data.TimeSeries;

namespace GanAugment.Evaluation.Series;

/// <summary>
/// Judges generated series against real ones with the measures of the RGAN and TimeGAN papers:
/// MMD² with its permutation test (and the same between the two real sets, the level sampling
/// noise alone gives), TSTR/TRTS against TRTR for labelled sets, TimeGAN's predictive and
/// discriminative scores, the PCA plane of the real test set with both sets in it, and for series
/// made with static attributes how well the attributes read back (<see cref="AttributeReadBack"/>).
/// </summary>
public static class SeriesEvaluator
{
    public static SeriesReport Evaluate(SeriesEvaluationInput input, SeriesEvaluationOptions options, SeriesSubject subject,
        Action<string>? log = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(subject);
        input.Validate();
        options.Validate();
        log ??= _ => { };
        var clock = Stopwatch.StartNew();
        var (train, test, fake) = (input.RealTrain, input.RealTest, input.Synthetic);
        var networks = options.Networks;

        log($"MMD² with {options.Permutations} permutations");
        var mmd = Mmd(fake, test, options);
        var mmdReal = Mmd(train, test, options);
        cancel.ThrowIfCancellationRequested();

        SeriesClassification? classification = null;
        if (input.Labelled)
        {
            log("TRTR, TRTS and TSTR classifiers");
            // NOTE: both classifiers start from the same seed, so only their training sets differ.
            var onReal = SeriesClassifier.Train(train, networks, options.Seed + 1, cancel);
            var onSynthetic = SeriesClassifier.Train(fake, networks, options.Seed + 1, cancel);
            classification = new SeriesClassification(onReal.Accuracy(test), onSynthetic.Accuracy(test), onReal.Accuracy(fake), [.. fake.ClassNames]);
        }

        log("next-step predictors (predictive score)");
        var prediction = new SeriesPrediction(
            NextStepPredictor.Train(fake, networks, options.Seed + 2, cancel).MeanAbsoluteError(test),
            NextStepPredictor.Train(train, networks, options.Seed + 2, cancel).MeanAbsoluteError(test));

        log("real-vs-synthetic classifier (discriminative score)");
        var discriminative = DiscriminativeScore.Compute(test, fake, networks, options.Seed + 3, cancel: cancel);

        var (realPoints, fakePoints) = (Head(test, options.PcaPoints), Head(fake, options.PcaPoints));
        var pca = SeriesPca.Fit(realPoints.Values, realPoints.Count, realPoints.SequenceSize);
        var projection = new SeriesProjection([.. pca.ExplainedVarianceRatio], pca.Project(realPoints.Values, realPoints.Count), pca.Project(fakePoints.Values, fakePoints.Count));

        IReadOnlyList<AttributeReadBack>? attributes = null;
        if (train.HasAttributes && test.HasAttributes && fake.HasAttributes)
        {
            log("static attributes read back from the nearest real series");
            attributes = AttributeReadBack.Measure(train, test, fake);
        }

        return new SeriesReport(subject, fake.Length, fake.Features, fake.Count, train.Count, test.Count, options.Seed,
            mmd, mmdReal, classification, prediction, discriminative, projection, clock.Elapsed.TotalSeconds) { Attributes = attributes };
    }

    private static MmdTest Mmd(SequenceDataset x, SequenceDataset y, SeriesEvaluationOptions options) =>
        MaximumMeanDiscrepancy.Test(x.Values, x.Count, y.Values, y.Count, x.SequenceSize, options.Permutations, options.Seed);

    /// <summary>The first <paramref name="count"/> series (all when fewer).</summary>
    private static SequenceDataset Head(SequenceDataset data, int count) =>
        data.Count <= count ? data : data.Subset([.. Enumerable.Range(0, count)]);
}
