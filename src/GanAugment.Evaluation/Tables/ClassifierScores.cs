using GanAugment.Evaluation.Metrics;

namespace GanAugment.Evaluation.Tables;

/// <summary>A classifier's scores on a labelled test set: accuracy, macro-F1 and ROC AUC (one-vs-rest macro with more than two classes).</summary>
public sealed record ClassifierScores(double Accuracy, double MacroF1, double RocAuc)
{
    public static ClassifierScores Of(IReadOnlyList<double[]> probabilities, int[] labels, int classes)
    {
        var predicted = probabilities.Select(TableClassifier.ArgMax).ToArray();
        var report = ClassificationReport.Compute(labels, predicted, classes);
        return new ClassifierScores(report.Accuracy, report.MacroF1, Tables.RocAuc.MacroOneVsRest(probabilities, labels, classes));
    }
}
