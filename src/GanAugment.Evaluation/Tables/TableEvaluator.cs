using GanAugment.Data.Tables;

namespace GanAugment.Evaluation.Tables;

/// <summary>How <see cref="TableEvaluator"/> scores.</summary>
public sealed record TableEvaluationOptions
{
    /// <summary>The class column.</summary>
    public required string Target { get; init; }

    /// <summary>Folds of the detection classifier's cross-validation (SDMetrics: 3).</summary>
    public int DetectionFolds { get; init; } = 3;

    /// <summary>Equal-width bins of a numeric column paired with a categorical one (SDMetrics: 10).</summary>
    public int PairBins { get; init; } = 10;

    /// <summary>Seed of the classifiers and the detection folds.</summary>
    public int Seed { get; init; }
}

/// <summary>
/// Scores a synthetic table against a real held-out table (and the real training table, when
/// given, for TRTR, the class agreement and the privacy check), as SDMetrics' quality report, its
/// LogisticDetection and ML-efficacy metrics and a distance-to-closest-record check do
/// (https://docs.sdv.dev/sdmetrics). The synthetic and training tables are aligned to the real
/// table's columns and kinds first.
/// </summary>
public static class TableEvaluator
{
    public static TableEvaluation Evaluate(Table real, Table synthetic, Table? train, TableEvaluationOptions options)
    {
        var target = options.Target;
        var classes = ClassLabels.Of(real, target);
        synthetic = TableFile.Align(synthetic, real, "synthetic");
        train = train is null ? null : TableFile.Align(train, real, "training");
        if (synthetic.RowCount == 0) throw new ArgumentException("the synthetic table has no rows");

        var features = TableFeatures.Fit(train ?? real, target);
        var (realX, synX) = (features.Transform(real), features.Transform(synthetic));
        var (realY, synY) = (classes.Of(real, target, "real"), classes.Of(synthetic, target, "synthetic"));
        var trainX = train is null ? null : features.Transform(train);
        var trainY = train is null ? null : classes.Of(train, target, "training");

        var efficacy = new List<EfficacyScore>();
        IReadOnlyList<ClassAgreement>? agreement = null;
        foreach (var learner in Enum.GetValues<TableLearner>())
        {
            var tstr = TableClassifier.Train(learner, synX, synY, classes.Count, options.Seed);
            ClassifierScores? trtr = null;
            if (trainX is not null)
            {
                var onReal = TableClassifier.Train(learner, trainX, trainY!, classes.Count, options.Seed);
                trtr = ClassifierScores.Of(onReal.Probabilities(realX), realY, classes.Count);
                if (learner == TableLearner.GradientBoostedTrees) agreement = Agreement(onReal, classes, synX, synY, realX, realY);
            }
            efficacy.Add(new EfficacyScore(learner, trtr, ClassifierScores.Of(tstr.Probabilities(realX), realY, classes.Count)));
        }

        // NOTE: detection sees every column, the target included, as SDMetrics' does.
        var all = TableFeatures.Fit(train ?? real, null);
        var detection = Detection.Compute(all.Transform(real), all.Transform(synthetic), options.DetectionFolds, (ulong)options.Seed);
        var privacy = train is null ? null : new DistanceToClosestRecord(train).Compare(synthetic, real);
        return new TableEvaluation(target, real.RowCount, synthetic.RowCount, train?.RowCount,
            Shapes(real, synthetic), Pairs(real, synthetic, options.PairBins), detection, efficacy, agreement, privacy);
    }

    /// <summary>KSComplement or TVComplement of every column.</summary>
    public static IReadOnlyList<ColumnShapeScore> Shapes(Table real, Table synthetic) =>
        [.. real.Columns.Select(c => c is NumericColumn n
            ? new ColumnShapeScore(c.Name, "KSComplement", ColumnShapes.KsComplement(n.Values, ((NumericColumn)synthetic[c.Name]).Values))
            : new ColumnShapeScore(c.Name, "TVComplement", ColumnShapes.TvComplement(Texts(c), Texts(synthetic[c.Name]))))];

    /// <summary>CorrelationSimilarity of every numeric pair, ContingencySimilarity of every other pair (numbers in <paramref name="bins"/> bins over the real column's range).</summary>
    public static IReadOnlyList<ColumnPairScore> Pairs(Table real, Table synthetic, int bins)
    {
        var scores = new List<ColumnPairScore>();
        for (var i = 0; i < real.ColumnCount; i++)
            for (var j = i + 1; j < real.ColumnCount; j++)
            {
                var (a, b) = (real[i], real[j]);
                var (sa, sb) = (synthetic[a.Name], synthetic[b.Name]);
                scores.Add(a is NumericColumn na && b is NumericColumn nb
                    ? new ColumnPairScore(a.Name, b.Name, "CorrelationSimilarity", Tables.ColumnPairs.CorrelationSimilarity(na.Values, nb.Values, ((NumericColumn)sa).Values, ((NumericColumn)sb).Values))
                    : new ColumnPairScore(a.Name, b.Name, "ContingencySimilarity", Tables.ColumnPairs.ContingencySimilarity(
                        Discrete(a, a, bins), Discrete(b, b, bins), Discrete(sa, a, bins), Discrete(sb, b, bins))));
            }
        return scores;
    }

    private static IReadOnlyList<ClassAgreement> Agreement(TableClassifier onReal, ClassLabels classes, float[][] synX, int[] synY, float[][] realX, int[] realY)
    {
        var synP = onReal.Predict(synX);
        var realP = onReal.Predict(realX);
        return [.. Enumerable.Range(0, classes.Count).Select(c => new ClassAgreement(classes.Names[c],
            synY.Count(y => y == c), Share(synY, synP, c), realY.Count(y => y == c), Share(realY, realP, c)))];
    }

    private static double Share(int[] labels, int[] predicted, int c)
    {
        var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
        return rows.Length == 0 ? double.NaN : rows.Count(i => predicted[i] == c) / (double)rows.Length;
    }

    private static string?[] Texts(Column c) => [.. Enumerable.Range(0, c.Count).Select(r => ((CategoricalColumn)c)[r])];

    /// <summary>A column as categories: a categorical one as it is, a numeric one as its bin over the real column <paramref name="reference"/>'s range.</summary>
    internal static string?[] Discrete(Column column, Column reference, int bins)
    {
        if (column is CategoricalColumn) return Texts(column);
        var (n, r) = ((NumericColumn)column, (NumericColumn)reference);
        var (low, high) = double.IsFinite(r.Min) ? (r.Min, r.Max) : (0.0, 1.0);
        var width = high > low ? (high - low) / bins : 1;
        return [.. n.Values.Select(v => double.IsNaN(v) ? null : Math.Clamp((int)Math.Floor((v - low) / width), 0, bins - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }
}
