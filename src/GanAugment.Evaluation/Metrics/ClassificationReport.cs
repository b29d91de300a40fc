namespace GanAugment.Evaluation.Metrics;

/// <summary>
/// Confusion matrix and per-class scores of a C-class prediction, the numbers the BAGAN
/// protocol (Mariani et al., https://arxiv.org/abs/1803.09655) reports per class:
/// precision_c = TP_c / (TP_c + FP_c), recall_c = TP_c / (TP_c + FN_c),
/// F1_c = 2·precision·recall / (precision + recall), accuracy = Σ TP_c / n and balanced
/// accuracy = the mean recall over the classes present in the true labels.
/// NOTE: a class never predicted has precision 0 (not NaN), a class absent from the true
/// labels has recall 0 and is left out of the balanced accuracy, and F1 is 0 when precision
/// and recall are both 0 (as scikit-learn's zero_division=0).
/// </summary>
public sealed class ClassificationReport
{
    private readonly int[] _confusion;

    private ClassificationReport(int classes, int[] confusion)
    {
        Classes = classes;
        _confusion = confusion;
        var precision = new double[classes];
        var recall = new double[classes];
        var f1 = new double[classes];
        var support = new int[classes];
        var correct = 0;
        var total = 0;
        var recallSum = 0.0;
        var present = 0;
        for (var c = 0; c < classes; c++)
        {
            var truePositives = this[c, c];
            var predicted = 0;
            for (var t = 0; t < classes; t++)
            {
                predicted += this[t, c];
                support[c] += this[c, t];
            }

            precision[c] = predicted == 0 ? 0 : (double)truePositives / predicted;
            recall[c] = support[c] == 0 ? 0 : (double)truePositives / support[c];
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
            correct += truePositives;
            total += support[c];
            if (support[c] > 0)
            {
                recallSum += recall[c];
                present++;
            }
        }

        Precision = precision;
        Recall = recall;
        F1 = f1;
        Support = support;
        Accuracy = (double)correct / total;
        BalancedAccuracy = recallSum / present;
        MacroF1 = f1.Average();
    }

    /// <summary>Number of classes C.</summary>
    public int Classes { get; }

    /// <summary>Count of samples of true class <paramref name="trueClass"/> predicted as <paramref name="predictedClass"/>.</summary>
    public int this[int trueClass, int predictedClass] => _confusion[trueClass * Classes + predictedClass];

    /// <summary>Per-class precision (0 for a class never predicted).</summary>
    public IReadOnlyList<double> Precision { get; }

    /// <summary>Per-class recall, i.e. per-class accuracy (0 for a class absent from the true labels).</summary>
    public IReadOnlyList<double> Recall { get; }

    /// <summary>Per-class F1 score.</summary>
    public IReadOnlyList<double> F1 { get; }

    /// <summary>Number of true samples of each class.</summary>
    public IReadOnlyList<int> Support { get; }

    /// <summary>Fraction of samples predicted correctly.</summary>
    public double Accuracy { get; }

    /// <summary>Mean recall over the classes present in the true labels.</summary>
    public double BalancedAccuracy { get; }

    /// <summary>Unweighted mean of the per-class F1 scores over all C classes.</summary>
    public double MacroF1 { get; }

    /// <summary>The confusion matrix row by row (true class, then predicted class): all a report is made of.</summary>
    public int[] Confusion() => (int[])_confusion.Clone();

    /// <summary>The report of a confusion matrix as <see cref="Confusion"/> gives it (a partial result read back).</summary>
    public static ClassificationReport FromConfusion(int classes, IReadOnlyList<int> confusion)
    {
        if (classes < 1 || confusion.Count != classes * classes || confusion.Any(n => n < 0) || confusion.Sum() == 0)
            throw new ArgumentException($"a confusion matrix of {classes} classes needs {classes * classes} counts, not negative and not all 0; got {confusion.Count}");
        return new ClassificationReport(classes, [.. confusion]);
    }

    /// <summary>Builds the report from true and predicted labels in [0, <paramref name="classes"/>).</summary>
    /// <exception cref="ArgumentException">No labels, lengths differ, or a label is out of range.</exception>
    public static ClassificationReport Compute(ReadOnlySpan<int> trueLabels, ReadOnlySpan<int> predictedLabels, int classes)
    {
        if (classes < 1)
        {
            throw new ArgumentException($"ClassificationReport: need at least one class, got {classes}.");
        }

        if (trueLabels.IsEmpty || trueLabels.Length != predictedLabels.Length)
        {
            throw new ArgumentException(
                $"ClassificationReport: need the same non-zero number of true and predicted labels, got {trueLabels.Length} and {predictedLabels.Length}.");
        }

        var confusion = new int[classes * classes];
        for (var i = 0; i < trueLabels.Length; i++)
        {
            int t = trueLabels[i], p = predictedLabels[i];
            if ((uint)t >= (uint)classes || (uint)p >= (uint)classes)
            {
                throw new ArgumentException($"ClassificationReport: sample {i} has labels ({t}, {p}), outside 0..{classes - 1}.");
            }

            confusion[t * classes + p]++;
        }

        return new ClassificationReport(classes, confusion);
    }
}
