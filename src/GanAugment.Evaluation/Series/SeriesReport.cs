using GanAugment.Evaluation.Reports;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GanAugment.Data.Writers.Charts;

namespace GanAugment.Evaluation.Series;

/// <summary>What was evaluated: the run's model, its training data, where the real series came from, and the space the measures work in.</summary>
public sealed record SeriesSubject(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("real")] string Real,
    [property: JsonPropertyName("space")] string Space);

/// <summary>
/// Accuracy on the class of a series of a classifier trained on real series and tested on held-out
/// real ones (TRTR), trained on synthetic and tested on real (TSTR), trained on real and tested
/// on synthetic (TRTS) (Esteban, Hyland and Rätsch 2017).
/// </summary>
public sealed record SeriesClassification(
    [property: JsonPropertyName("trtr_accuracy")] double Trtr,
    [property: JsonPropertyName("tstr_accuracy")] double Tstr,
    [property: JsonPropertyName("trts_accuracy")] double Trts,
    [property: JsonPropertyName("classes")] IReadOnlyList<string> Classes);

/// <summary>TimeGAN's predictive score: the mean absolute next-step error on the real test series of a predictor trained on synthetic series, next to one trained on real series.</summary>
public sealed record SeriesPrediction(
    [property: JsonPropertyName("synthetic_trained_mae")] double SyntheticTrained,
    [property: JsonPropertyName("real_trained_mae")] double RealTrained);

/// <summary>The PCA plane fitted on the real test series: explained variance of its two axes and both sets' coordinates (x, y pairs).</summary>
public sealed record SeriesProjection(
    [property: JsonPropertyName("explained_variance_ratio")] IReadOnlyList<double> ExplainedVarianceRatio,
    [property: JsonIgnore] double[] Real,
    [property: JsonIgnore] double[] Synthetic)
{
    [JsonPropertyName("real_points")]
    public int RealPoints => Real.Length / 2;

    [JsonPropertyName("synthetic_points")]
    public int SyntheticPoints => Synthetic.Length / 2;
}

/// <summary>
/// A generator of series judged by <see cref="SeriesEvaluator"/> (<c>evaluation.json</c>,
/// <c>evaluation.md</c>, <see cref="PcaChart"/>).
/// </summary>
public sealed record SeriesReport(
    [property: JsonPropertyName("subject")] SeriesSubject Subject,
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("features")] int Features,
    [property: JsonPropertyName("synthetic_series")] int SyntheticCount,
    [property: JsonPropertyName("real_train_series")] int RealTrainCount,
    [property: JsonPropertyName("real_test_series")] int RealTestCount,
    [property: JsonPropertyName("seed")] ulong Seed,
    [property: JsonPropertyName("mmd")] MmdTest Mmd,
    [property: JsonPropertyName("mmd_real_vs_real")] MmdTest MmdRealVsReal,
    [property: JsonPropertyName("classification")] SeriesClassification? Classification,
    [property: JsonPropertyName("prediction")] SeriesPrediction Prediction,
    [property: JsonPropertyName("discriminative")] DiscriminativeResult Discriminative,
    [property: JsonPropertyName("pca")] SeriesProjection Pca,
    [property: JsonPropertyName("seconds")] double Seconds)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Per static attribute, how well it reads back from the series; null when the series have none.</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyList<AttributeReadBack>? Attributes { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The PCA scatter of real and synthetic series.</summary>
    public LineChart PcaChart() =>
        SeriesPca.Scatter($"{Subject.Model}: PCA of real and synthetic series", Pca.Real, Pca.Synthetic);

    /// <summary>(metric, value, reference) rows shared by the Markdown page and the console table.</summary>
    public IEnumerable<(string Metric, string Value, string Reference)> Rows()
    {
        yield return ("MMD² (unbiased), synthetic vs real test", $"{F(Mmd.Unbiased, "G4")} (p = {F(Mmd.PValue, "F3")})",
            $"real train vs real test: {F(MmdRealVsReal.Unbiased, "G4")} (p = {F(MmdRealVsReal.PValue, "F3")})");
        yield return ("MMD² (biased), synthetic vs real test", F(Mmd.Biased, "G4"), $"real vs real: {F(MmdRealVsReal.Biased, "G4")}");
        yield return ("kernel bandwidth σ (median distance)", F(Mmd.Bandwidth, "F3"), $"real vs real: {F(MmdRealVsReal.Bandwidth, "F3")}");
        if (Classification is { } c)
        {
            yield return ("TSTR accuracy (train synthetic, test real)", Percent(c.Tstr), $"TRTR: {Percent(c.Trtr)}");
            yield return ("TRTS accuracy (train real, test synthetic)", Percent(c.Trts), $"TRTR: {Percent(c.Trtr)}");
        }

        yield return ("predictive score (next-step MAE on real test)", F(Prediction.SyntheticTrained, "F4") + " trained on synthetic",
            F(Prediction.RealTrained, "F4") + " trained on real");
        yield return ("discriminative score |accuracy − 0.5|", F(Discriminative.Score, "F3"), $"held-out accuracy {Percent(Discriminative.Accuracy)}; 0 is best");
        foreach (var a in Attributes ?? [])
            yield return ($"attribute '{a.Name}' read back (r, nearest real series)", F(a.Synthetic, "F3"), $"real test series: {F(a.RealTest, "F3")}; 0: ignored");
        yield return ("PCA explained variance (2 axes, real)", string.Join(" + ", Pca.ExplainedVarianceRatio.Select(Percent)), "");
        yield return ("series (synthetic / real train / real test)", $"{SyntheticCount} / {RealTrainCount} / {RealTestCount}", $"{Length} steps x {Features} features");
    }

    public string ToMarkdown(string pcaFile)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Series evaluation of {Subject.Model} on {Subject.Data}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Real series: {Subject.Real}. Measured in {Subject.Space}. Seed {Seed}, {F(Seconds, "F1")} s.\n\n");
        md.Append("| metric | value | reference |\n|---|---:|---|\n");
        foreach (var (metric, value, reference) in Rows()) md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.Cell(metric)} | {MarkdownText.Cell(value)} | {MarkdownText.Cell(reference)} |\n");
        md.Append(CultureInfo.InvariantCulture, $"\n![PCA of real and synthetic series]({pcaFile})\n\n")
          .Append("MMD²: RBF kernel exp(−‖a − b‖²/(2σ²)) on flattened series, σ the median pairwise distance of the pooled sets; ")
          .Append(CultureInfo.InvariantCulture, $"p from {Mmd.Permutations} random relabellings (small p: the generator's distribution differs from the real one). ")
          .Append("TSTR/TRTS/TRTR: a 1-D CNN classifier of the class; predictive score: an LSTM predicting the next step, trained on one set and scored on the real test set (TimeGAN); ")
          .Append("discriminative score: the same CNN telling real from synthetic, scored on a held-out 20 % (TimeGAN). PCA fitted on the real test series.")
          .Append(Attributes is null ? "" : " Attribute read-back: each series takes the static attributes of its nearest real training series; r is Pearson's between the attribute it was made with and that one.")
          .Append('\n');
        return md.ToString();
    }

    public static string Percent(double fraction) => (100 * fraction).ToString("F2", CultureInfo.InvariantCulture) + " %";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
