namespace GanAugment.Evaluation.Tables;

/// <summary>A column's shape score: KSComplement for a numeric column, TVComplement for a categorical one.</summary>
public sealed record ColumnShapeScore(string Column, string Metric, double Score);

/// <summary>A column pair's trend score: CorrelationSimilarity for two numeric columns, ContingencySimilarity otherwise (numbers binned).</summary>
public sealed record ColumnPairScore(string First, string Second, string Metric, double Score);

/// <summary>One learner's machine-learning efficacy: trained on real rows (TRTR, when the real training rows are known) and on synthetic ones (TSTR), both tested on the real held-out rows.</summary>
public sealed record EfficacyScore(TableLearner Learner, ClassifierScores? Trtr, ClassifierScores Tstr);

/// <summary>
/// Per class c, the share of rows of class c that a classifier trained on real rows assigns to c:
/// for the synthetic rows made for c, and for the real held-out rows of c (the classifier's recall
/// of c, the level to expect). NaN where there are no such rows.
/// </summary>
public sealed record ClassAgreement(string Class, int SyntheticRows, double SyntheticShare, int RealRows, double RealShare);

/// <summary>Everything <see cref="TableEvaluator"/> measured.</summary>
public sealed record TableEvaluation(
    string Target,
    int RealRows,
    int SyntheticRows,
    int? TrainRows,
    IReadOnlyList<ColumnShapeScore> ColumnShapes,
    IReadOnlyList<ColumnPairScore> ColumnPairs,
    DetectionResult Detection,
    IReadOnlyList<EfficacyScore> Efficacy,
    IReadOnlyList<ClassAgreement>? Agreement,
    DcrResult? Privacy)
{
    /// <summary>Mean of the column-shape scores (NaN scores left out).</summary>
    public double ColumnShapesScore => MeanOf(ColumnShapes.Select(c => c.Score));

    /// <summary>Mean of the column-pair scores (NaN scores left out).</summary>
    public double ColumnPairsScore => MeanOf(ColumnPairs.Select(c => c.Score));

    /// <summary>SDMetrics' quality score: the mean of the column-shapes and column-pair-trends scores.</summary>
    public double Quality => (ColumnShapesScore + ColumnPairsScore) / 2;

    private static double MeanOf(IEnumerable<double> values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        return present.Length == 0 ? double.NaN : present.Average();
    }
}
