using GanAugment.Evaluation.Reports;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanAugment.Evaluation.Generators;

/// <summary>
/// How often the samples made for one class were classified as that class, next to how often the
/// real test images of that class were (the classifier's own recall there: the level a perfect
/// generator would reach).
/// </summary>
public sealed record ClassAccuracy(
    [property: JsonPropertyName("class")] int Class,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("real_test_accuracy")] double RealTestAccuracy);

/// <summary>
/// A generator judged by a domain classifier (<c>evaluation.json</c>, <c>evaluation.md</c>):
/// per-class accuracy of its samples (conditional models), the classifier score of its samples
/// next to that of the real test set, and the Fréchet distance between the classifier's
/// penultimate features of real test images and of samples.
/// </summary>
public sealed record GeneratorReport(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("conditional")] bool Conditional,
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("real_samples")] int RealSamples,
    [property: JsonPropertyName("classifier_test_accuracy")] double ClassifierTestAccuracy,
    [property: JsonPropertyName("per_class")] IReadOnlyList<ClassAccuracy> PerClass,
    [property: JsonPropertyName("mean_class_accuracy")] double? MeanClassAccuracy,
    [property: JsonPropertyName("classifier_score")] double ClassifierScore,
    [property: JsonPropertyName("real_classifier_score")] double RealClassifierScore,
    [property: JsonPropertyName("frechet_distance")] double FrechetDistance)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A Markdown page: the summary table, then the per-class table for conditional models.</summary>
    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(inv, $"# Evaluation of {Model} on {Data}\n\n");
        md.Append("| metric | value |\n|---|---:|\n");
        foreach (var (name, value) in SummaryRows()) md.Append(inv, $"| {name} | {value} |\n");
        if (PerClass.Count > 0)
        {
            md.Append("\n| class | name | samples | accuracy | real test accuracy |\n|---:|---|---:|---:|---:|\n");
            foreach (var c in PerClass) md.Append(inv, $"| {c.Class} | {MarkdownText.Cell(c.Name)} | {c.Samples} | {Percent(c.Accuracy)} | {Percent(c.RealTestAccuracy)} |\n");
        }
        md.Append("\nAccuracy: share of samples made for a class that the domain classifier assigns to it; real test accuracy: the same share for the real test images of the class. ")
          .Append("Classifier score: exp(E KL(p(y|x) || p(y))) of the classifier's softmax (1 to the number of classes). ")
          .Append("Fréchet distance: between Gaussians fitted to the classifier's 128 penultimate features of real test images and of samples (lower is closer).\n");
        return md.ToString();
    }

    /// <summary>(metric, formatted value) rows shared by the Markdown page and the console table.</summary>
    public IEnumerable<(string Metric, string Value)> SummaryRows()
    {
        var inv = CultureInfo.InvariantCulture;
        yield return ("classifier test accuracy (real)", Percent(ClassifierTestAccuracy));
        if (MeanClassAccuracy is { } mean) yield return ("mean class accuracy (generated)", Percent(mean));
        yield return ("classifier score (generated)", ClassifierScore.ToString("F3", inv));
        yield return ("classifier score (real test set)", RealClassifierScore.ToString("F3", inv));
        yield return ("Fréchet distance (features)", FrechetDistance.ToString("F3", inv));
        yield return ("samples", Samples.ToString(inv));
    }

    public static string Percent(double fraction) => (100 * fraction).ToString("F2", CultureInfo.InvariantCulture) + " %";
}
