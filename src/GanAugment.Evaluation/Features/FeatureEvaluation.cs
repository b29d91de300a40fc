using System.Globalization;
using System.Text;

namespace GanAugment.Evaluation.Features;

/// <summary>Test accuracies of the two classifiers on one feature set.</summary>
public sealed record FeatureScores(string Features, int Width, double NearestNeighbour, double Logistic);

/// <summary>
/// How useful an encoder's features are: 1-nearest-neighbour and logistic-regression test accuracy
/// on the inputs alone (pixels or encoded table rows), on the encoder's features alone, and on
/// both side by side (the survey seed's feature-wise augmentation: original features plus latent ones).
/// </summary>
public static class FeatureEvaluation
{
    public static IReadOnlyList<FeatureScores> Run(FeatureSet inputTrain, FeatureSet inputTest, FeatureSet latentTrain, FeatureSet latentTest,
        LogisticRegressionOptions logistic, Action<string>? log = null)
    {
        (string, FeatureSet, FeatureSet)[] sets =
        [
            ("input", inputTrain, inputTest),
            ("latent", latentTrain, latentTest),
            ("input + latent", inputTrain.Beside(latentTrain), inputTest.Beside(latentTest)),
        ];
        var scores = new List<FeatureScores>();
        foreach (var (name, train, test) in sets)
        {
            var knn = NearestNeighbour.Accuracy(train, test);
            var lr = LogisticRegression.Accuracy(train, test, logistic);
            var row = new FeatureScores(name, train.Width, knn, lr);
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{name,-15} {train.Width,5} features  1-NN {knn:P2}  logistic {lr:P2}"));
            scores.Add(row);
        }
        return scores;
    }

    /// <summary>The share of the most frequent class among the test rows: what always guessing it scores.</summary>
    public static double MajorityShare(FeatureSet test) =>
        test.RequireLabels().GroupBy(y => y).Max(g => g.Count()) / (double)test.Count;

    public static string ToMarkdown(IReadOnlyList<FeatureScores> scores, string title, double majority)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"# {title}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Majority class of the test items: {majority:P2}.").AppendLine()
            .AppendLine("| features | width | 1-NN accuracy | logistic accuracy |").AppendLine("|---|---:|---:|---:|");
        foreach (var s in scores)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Features} | {s.Width} | {s.NearestNeighbour:P2} | {s.Logistic:P2} |");
        return text.ToString();
    }
}
