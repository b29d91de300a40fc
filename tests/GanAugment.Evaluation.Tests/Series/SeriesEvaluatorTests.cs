using System.Text.Json;
using GanAugment.Data.TimeSeries;
using GanAugment.Evaluation.Series;

namespace GanAugment.Evaluation.Tests.Series;

public class SeriesEvaluatorTests
{
    private static readonly SeriesEvaluationOptions Quick = new() { Permutations = 20, Networks = new SeriesNetworkOptions { Epochs = 1 }, Seed = 3 };

    private static readonly SeriesSubject Subject = new("toy", "waves", "a second draw", "units");

    [Fact]
    public void A_generator_that_returns_its_training_set_gets_tstr_equal_to_trtr()
    {
        var (train, test) = (Waves.Generate(64, 1), Waves.Generate(64, 2));
        var report = SeriesEvaluator.Evaluate(new SeriesEvaluationInput(train, test, train), Quick, Subject);
        // NOTE: both classifiers start from one seed and see the same series in the same order.
        var classification = report.Classification!;
        Assert.Equal(classification.Trtr, classification.Tstr);
        Assert.Equal(report.MmdRealVsReal.Unbiased, report.Mmd.Unbiased, 12);
        Assert.Equal(report.Prediction.RealTrained, report.Prediction.SyntheticTrained);
    }

    [Fact]
    public void The_report_holds_every_measure_in_json_and_markdown()
    {
        var report = SeriesEvaluator.Evaluate(new SeriesEvaluationInput(Waves.Generate(40, 1), Waves.Generate(40, 2), Waves.Generate(40, 3)), Quick, Subject);
        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        foreach (var key in new[] { "mmd", "mmd_real_vs_real", "classification", "prediction", "discriminative", "pca" })
            Assert.True(root.TryGetProperty(key, out _), key);
        Assert.InRange(root.GetProperty("mmd").GetProperty("p_value").GetDouble(), 1.0 / 21, 1.0);
        Assert.Equal(40, root.GetProperty("pca").GetProperty("synthetic_points").GetInt32());
        var markdown = report.ToMarkdown("pca.png");
        Assert.Contains("TSTR accuracy", markdown);
        Assert.Contains("![PCA of real and synthetic series](pca.png)", markdown);
        // Every table row has its three cells: the pipes of |accuracy − 0.5| are escaped.
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.Equal(report.Rows().Count() + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(4, r.Replace("\\|", "", StringComparison.Ordinal).Count(ch => ch == '|')));
        Assert.Contains("discriminative score \\|accuracy − 0.5\\|", markdown);
    }

    [Fact]
    public void Unlabelled_series_skip_the_class_measures()
    {
        var report = SeriesEvaluator.Evaluate(new SeriesEvaluationInput(RcganSines.Generate(40, 1), RcganSines.Generate(40, 2), RcganSines.Generate(40, 3)), Quick, Subject);
        Assert.Null(report.Classification);
        Assert.DoesNotContain(report.Rows(), r => r.Metric.StartsWith("TSTR", StringComparison.Ordinal));
        Assert.True(double.IsFinite(report.Prediction.SyntheticTrained));
    }

    [Fact]
    public void Sets_of_different_shapes_are_rejected()
    {
        var input = new SeriesEvaluationInput(Waves.Generate(40, 1), Waves.Generate(40, 2), RcganSines.Generate(40, 3, new RcganSineOptions { Length = 24 }));
        Assert.Contains("30x1", Assert.Throws<ArgumentException>(() => SeriesEvaluator.Evaluate(input, Quick, Subject)).Message);
    }
}
