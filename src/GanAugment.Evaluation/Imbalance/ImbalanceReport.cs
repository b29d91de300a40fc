using GanAugment.Data.Writers;
using GanAugment.Data.Writers.Charts;
using System.Globalization;
using System.Text;
using GanAugment.Evaluation.Reports;
using GanAugment.Evaluation.Statistics;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>One method on one metric: its runs summarised, and Welch t-tests against Plain and against the best non-BAGAN method.</summary>
public sealed record ImbalanceComparison(ImbalanceMethod Method, string Metric, Summary Value, double? PVersusPlain, ImbalanceMethod? BestOther, double? PVersusBestOther);

/// <summary>
/// The report of the imbalance protocol: a table of mean ± std per method and metric with the
/// p-value of a Welch t-test against Plain, the p-value against the best non-BAGAN method on each
/// metric, a verdict on BAGAN's minority recall, and a bar chart. Files: <c>results.csv</c>,
/// <c>results.md</c>, <c>results.png</c> and <c>runs.csv</c> (one row per classifier).
/// </summary>
public sealed class ImbalanceReport
{
    private const double Significance = 0.05;

    private ImbalanceReport(ImbalanceResults results, IReadOnlyList<ImbalanceComparison> comparisons)
    {
        Results = results;
        Comparisons = comparisons;
    }

    public ImbalanceResults Results { get; }

    public IReadOnlyList<ImbalanceComparison> Comparisons { get; }

    public static ImbalanceReport From(ImbalanceResults results)
    {
        var comparisons = new List<ImbalanceComparison>();
        foreach (var metric in ImbalanceResults.MetricNames)
        {
            ImbalanceMethod? best = null;
            var bestMean = double.NegativeInfinity;
            foreach (var m in results.Methods.Where(m => m != ImbalanceMethod.Bagan))
            {
                var mean = results.Values(m, metric).Average();
                if (mean > bestMean) (best, bestMean) = (m, mean);
            }
            foreach (var method in results.Methods)
            {
                var values = results.Values(method, metric);
                var plain = results.Methods.Contains(ImbalanceMethod.Plain) && method != ImbalanceMethod.Plain ? Test(values, results.Values(ImbalanceMethod.Plain, metric)) : null;
                var other = best is { } b && b != method ? Test(values, results.Values(b, metric)) : null;
                comparisons.Add(new ImbalanceComparison(method, metric, Summary.Of(values), plain, best is { } bb && bb != method ? bb : null, other));
            }
        }
        return new ImbalanceReport(results, comparisons);
    }

    public ImbalanceComparison this[ImbalanceMethod method, string metric] => Comparisons.First(c => c.Method == method && c.Metric == metric);

    /// <summary>Long-form CSV: method, metric, mean, std, n, p against Plain, best non-BAGAN method, p against it.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder("method,metric,mean,std,n,p_vs_plain,best_non_bagan,p_vs_best_non_bagan\n");
        foreach (var c in Comparisons)
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"{c.Method.Label()},{c.Metric},{c.Value.Mean:R},{Number(c.Value.StandardDeviation)},{c.Value.Count},{Number(c.PVersusPlain)},{c.BestOther?.Label()},{Number(c.PVersusBestOther)}\n"));
        return text.ToString();
    }

    /// <summary>One row per classifier: method, seed, the four metrics, the recall of every class and the seconds it took.</summary>
    public string RunsCsv()
    {
        var classes = Results.ClassNames.Count;
        var text = new StringBuilder("method,seed,minority_recall,minority_precision,balanced_accuracy,accuracy,seconds");
        for (var c = 0; c < classes; c++) text.Append(CultureInfo.InvariantCulture, $",recall_{c}");
        text.Append('\n');
        foreach (var run in Results.Runs)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"{run.Method.Label()},{run.Seed},{run.MinorityRecall:R},{run.MinorityPrecision:R},{run.Report.BalancedAccuracy:R},{run.Report.Accuracy:R},{run.Seconds:F1}"));
            for (var c = 0; c < classes; c++) text.Append(CultureInfo.InvariantCulture, $",{run.Report.Recall[c]:R}");
            text.Append('\n');
        }
        return text.ToString();
    }

    public string ToMarkdown()
    {
        var e = Results.Experiment;
        var targets = string.Join(", ", e.TargetClasses.Select(c => $"{c} ({Results.ClassNames[c]})"));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Imbalance protocol: {Results.DataName}, minority class {targets}, u = {e.Keep}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Imbalanced training set per class: {string.Join(", ", Results.ImbalancedCounts.Select((n, c) => $"{c}: {n}"))}. ");
        text.Append("Scores are on the real, untouched test set.\n\n");
        var o = e.Classifier;
        text.Append(CultureInfo.InvariantCulture, $"Classifier: small CNN with batch norm (width {o.Width}, hidden {o.Hidden}), {o.Epochs} epochs, batch {o.BatchSize}, Adam {o.LearningRate} decaying along a cosine to 0, images shifted by up to {o.MaxShift} px; ");
        text.Append(CultureInfo.InvariantCulture, $"{e.Seeds} seeds ({e.Seed}..{e.Seed + (ulong)e.Seeds - 1}); ");
        text.Append(e.RetrainGenerators ? "imbalanced subset and generators made anew per seed.\n\n" : $"imbalanced subset and generators made once (seed {e.Seed}); the seeds vary the classifier and the synthetic samples.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"## Mean ± std over {e.Seeds} seeds (p: Welch t-test against Plain)\n\n");
        text.Append(Table().ToMarkdown(4)).Append('\n');
        text.Append("## Welch t-test against the best non-BAGAN method on each metric\n\n| method |");
        foreach (var metric in ImbalanceResults.MetricNames) text.Append(' ').Append(metric).Append(" |");
        text.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---|", ImbalanceResults.MetricNames.Count))).Append('\n');
        foreach (var method in Results.Methods)
        {
            text.Append("| ").Append(method.Label()).Append(" |");
            foreach (var metric in ImbalanceResults.MetricNames)
            {
                var c = this[method, metric];
                text.Append(' ').Append(c.BestOther is { } b ? $"vs {b.Label()}: {P(c.PVersusBestOther)}" : "best non-BAGAN").Append(" |");
            }
            text.Append('\n');
        }
        text.Append("\n## Verdict\n\n").Append(Verdict()).Append('\n');
        return text.ToString();
    }

    /// <summary>Whether BAGAN raised minority recall over Plain significantly and beat every other method on it, in words and numbers.</summary>
    public string Verdict()
    {
        if (!Results.Methods.Contains(ImbalanceMethod.Bagan)) return "BAGAN was not run.";
        var bagan = this[ImbalanceMethod.Bagan, ImbalanceResults.MinorityRecall];
        var lines = new List<string>();
        if (Results.Methods.Contains(ImbalanceMethod.Plain))
        {
            var plain = this[ImbalanceMethod.Plain, ImbalanceResults.MinorityRecall].Value;
            var significant = bagan.PVersusPlain < Significance && bagan.Value.Mean > plain.Mean;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"- Minority recall: BAGAN {Cell(bagan.Value)} against Plain {Cell(plain)} ({bagan.Value.Mean - plain.Mean:+0.0000;-0.0000}, {P(bagan.PVersusPlain)}): {(significant ? "a significant rise (p < 0.05)" : "not a significant rise")}."));
        }
        var others = Results.Methods.Where(m => m is not ImbalanceMethod.Bagan and not ImbalanceMethod.Plain).ToList();
        if (others.Count > 0)
        {
            var beaten = others.Where(m => this[m, ImbalanceResults.MinorityRecall].Value.Mean < bagan.Value.Mean).ToList();
            var notBeaten = others.Except(beaten).Select(m => $"{m.Label()} {Cell(this[m, ImbalanceResults.MinorityRecall].Value)}");
            lines.Add(beaten.Count == others.Count
                ? $"- BAGAN has the highest mean minority recall of all methods; against the best other one ({bagan.BestOther?.Label()}) {P(bagan.PVersusBestOther)}."
                : $"- BAGAN does not beat every other method on minority recall: {string.Join(", ", notBeaten)} {(others.Count - beaten.Count == 1 ? "is" : "are")} at least as high.");
        }
        return string.Join("\n", lines);
    }

    /// <summary>The results as a <see cref="ResultsTable"/> (mean ± std, p against Plain).</summary>
    public ResultsTable Table()
    {
        var table = new ResultsTable();
        foreach (var method in Results.Methods)
            foreach (var metric in ImbalanceResults.MetricNames)
                table.Set(method.Label(), metric, this[method, metric].Value, this[method, metric].PVersusPlain);
        return table;
    }

    /// <summary>Bars of mean ± std per metric (groups) and method (colours).</summary>
    public BarChart Chart() => new()
    {
        Title = $"{Results.DataName}: minority {string.Join(",", Results.Experiment.TargetClasses)} at u={Results.Experiment.Keep.ToString("0.####", CultureInfo.InvariantCulture)}, {Results.Experiment.Seeds} seeds",
        Categories = ImbalanceResults.MetricNames,
        Series = [.. Results.Methods.Select(m => new BarSeries(m.Label(),
            [.. ImbalanceResults.MetricNames.Select(x => this[m, x].Value.Mean)],
            [.. ImbalanceResults.MetricNames.Select(x => this[m, x].Value.StandardDeviation)]))],
        YLabel = "score on the test set",
        Width = 900,
    };

    /// <summary>Writes results.csv, results.md, results.png and runs.csv into <paramref name="folder"/>; returns their paths.</summary>
    public IReadOnlyList<string> Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new[] { "results.csv", "results.md", "results.png", "runs.csv" }.Select(f => Path.Combine(folder, f)).ToArray();
        ReportFile.WriteAllText(paths[0], ToCsv());
        ReportFile.WriteAllText(paths[1], ToMarkdown());
        Chart().SavePng(paths[2]);
        ReportFile.WriteAllText(paths[3], RunsCsv());
        return paths;
    }

    private static double? Test(double[] a, double[] b) => a.Length >= 2 && b.Length >= 2 ? WelchTTest.Compute(a, b).PValue : null;

    private static string Cell(Summary s) => double.IsNaN(s.StandardDeviation)
        ? s.Mean.ToString("F4", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{s.Mean:F4} ± {s.StandardDeviation:F4}");

    private static string P(double? p) => p switch
    {
        null => "no test (fewer than 2 seeds)",
        < 0.001 => "p<0.001",
        { } v => string.Create(CultureInfo.InvariantCulture, $"p={v:F3}"),
    };

    private static string Number(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
