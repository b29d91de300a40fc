using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tables;

/// <summary>How well a classifier tells real rows from synthetic ones.</summary>
/// <param name="RocAuc">Mean out-of-fold ROC AUC of "synthetic" against "real" (0.5: indistinguishable).</param>
/// <param name="Score">SDMetrics' detection score 1 − (2·max(AUC, ½) − 1): 1 when the classifier cannot tell them apart, 0 when it always can.</param>
public sealed record DetectionResult(double RocAuc, double Score, int Folds);

/// <summary>
/// SDMetrics' LogisticDetection: real and synthetic rows pooled and labelled, a logistic
/// regression trained on k−1 folds and scored on the held-out fold (folds stratified by origin,
/// assigned by a seeded shuffle), the ROC AUC averaged over the k folds.
/// </summary>
public static class Detection
{
    public static DetectionResult Compute(float[][] real, float[][] synthetic, int folds = 3, ulong seed = 0)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), $"detection needs at least 2 folds, got {folds}");
        if (real.Length < folds || synthetic.Length < folds) throw new ArgumentException($"detection needs at least {folds} real and {folds} synthetic rows");
        var rows = real.Concat(synthetic).ToArray();
        var labels = real.Select(_ => 0).Concat(synthetic.Select(_ => 1)).ToArray();
        var fold = Folds(labels, folds, new Rng(seed));
        var aucs = new double[folds];
        for (var k = 0; k < folds; k++)
        {
            var train = Enumerable.Range(0, rows.Length).Where(i => fold[i] != k).ToArray();
            var test = Enumerable.Range(0, rows.Length).Where(i => fold[i] == k).ToArray();
            var classifier = TableClassifier.Train(TableLearner.LogisticRegression, [.. train.Select(i => rows[i])], [.. train.Select(i => labels[i])], 2, (int)(seed % int.MaxValue) + k);
            var p = classifier.Probabilities([.. test.Select(i => rows[i])]);
            aucs[k] = Tables.RocAuc.Binary([.. p.Select(x => x[1])], [.. test.Select(i => labels[i] == 1)]);
        }
        var auc = aucs.Average();
        return new DetectionResult(auc, Score(auc), folds);
    }

    /// <summary>1 − (2·max(AUC, ½) − 1).</summary>
    public static double Score(double auc) => 1 - (2 * Math.Max(auc, 0.5) - 1);

    /// <summary>A fold per row: each class's rows shuffled and dealt round-robin into the folds.</summary>
    internal static int[] Folds(int[] labels, int folds, Rng rng)
    {
        var fold = new int[labels.Length];
        foreach (var c in labels.Distinct().Order())
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            var order = rng.Permutation(members.Length);
            for (var j = 0; j < members.Length; j++) fold[members[order[j]]] = j % folds;
        }
        return fold;
    }
}
