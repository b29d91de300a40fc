namespace GanAugment.Evaluation.Tables;

/// <summary>Area under the ROC curve, binary and one-vs-rest macro for several classes.</summary>
public static class RocAuc
{
    /// <summary>
    /// The probability that a random positive scores above a random negative, ties counting ½
    /// (the Mann-Whitney U statistic over n₊·n₋, computed with mid-ranks). NaN when either class is empty.
    /// </summary>
    public static double Binary(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        if (scores.Count != positive.Count) throw new ArgumentException($"{scores.Count} scores for {positive.Count} labels");
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[order.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var mid = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) ranks[order[k]] = mid;
            start = end + 1;
        }
        var pos = positive.Count(p => p);
        var neg = positive.Count - pos;
        if (pos == 0 || neg == 0) return double.NaN;
        var rankSum = Enumerable.Range(0, ranks.Length).Where(i => positive[i]).Sum(i => ranks[i]);
        return (rankSum - pos * (pos + 1) / 2.0) / ((double)pos * neg);
    }

    /// <summary>
    /// The mean over classes of the binary AUC of class c's probability for "c against the rest",
    /// over the classes that occur in <paramref name="labels"/> with at least one other class
    /// (scikit-learn's <c>roc_auc_score(multi_class="ovr", average="macro")</c>). For two classes it is the binary AUC.
    /// </summary>
    public static double MacroOneVsRest(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> labels, int classes)
    {
        var aucs = new List<double>();
        for (var c = 0; c < classes; c++)
        {
            var auc = Binary([.. probabilities.Select(p => p[c])], [.. labels.Select(l => l == c)]);
            if (!double.IsNaN(auc)) aucs.Add(auc);
        }
        return aucs.Count == 0 ? double.NaN : aucs.Average();
    }
}
