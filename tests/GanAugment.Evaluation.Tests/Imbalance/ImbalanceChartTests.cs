using GanAugment.Evaluation.Imbalance;
using GanAugment.Evaluation.Metrics;

namespace GanAugment.Evaluation.Tests.Imbalance;

/// <summary>The bar chart of an imbalance report (results.png).</summary>
public sealed class ImbalanceChartTests
{
    [Fact]
    public void The_chart_has_a_bar_group_per_metric_a_series_per_method_and_a_readable_title()
    {
        var truth = Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(1, 10)).ToArray();
        var runs = new List<ImbalanceRun>();
        foreach (var method in new[] { ImbalanceMethod.Plain, ImbalanceMethod.Smote })
            for (var seed = 0; seed < 2; seed++)
                runs.Add(new ImbalanceRun(method, seed, ClassificationReport.Compute(truth, [.. truth.Select((t, i) => t == 0 && i >= 6 + seed ? 1 : t)], 2), [0], 1));
        // 1 − 0.95 is 0.050000000000000044 in doubles; the title shows 0.05.
        var experiment = new ImbalanceExperiment { TargetClasses = [0], Keep = 1 - 0.95, Seeds = 2, Methods = [ImbalanceMethod.Plain, ImbalanceMethod.Smote] };
        var chart = ImbalanceReport.From(new ImbalanceResults(experiment, "toy", ["zero", "one"], [5, 100], runs, [], [])).Chart();

        Assert.Equal("toy: minority 0 at u=0.05, 2 seeds", chart.Title);
        Assert.Equal(ImbalanceResults.MetricNames, chart.Categories);
        Assert.Equal(["Plain", "SMOTE"], chart.Series.Select(s => s.Name));
        // Plain recalls 6 and 7 of the 10 zeros: mean 0.65, sample std √0.005.
        Assert.Equal(0.65, chart.Series[0].Values[0], 12);
        Assert.Equal(Math.Sqrt(0.005), chart.Series[0].Errors![0], 12);
        var image = chart.Render();
        Assert.Equal((900, 480), (image.Width, image.Height));
    }
}
