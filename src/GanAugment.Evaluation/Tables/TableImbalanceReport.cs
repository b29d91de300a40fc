using System.Globalization;
using System.Text;
using GanAugment.Data.Writers;
using GanAugment.Evaluation.Reports;
using GanAugment.Evaluation.Statistics;

namespace GanAugment.Evaluation.Tables;

/// <summary>
/// The report of the table imbalance protocol: per method mean ± std over the seeds of the
/// minority recall (mean over the raised classes), each raised class's recall and F1, balanced
/// accuracy, macro-F1 and accuracy, with the p-value of a Welch t-test against Plain
/// (<see cref="ResultsTable.CompareWith"/>); files <c>results.md</c>, <c>results.csv</c>, <c>runs.csv</c>.
/// </summary>
public sealed class TableImbalanceReport
{
    public const string MinorityRecall = "minority recall";
    private const double Significance = 0.05;

    private TableImbalanceReport(TableImbalanceResults results, ResultsTable table) => (Results, Table) = (results, table);

    public TableImbalanceResults Results { get; }

    public ResultsTable Table { get; }

    public static TableImbalanceReport From(TableImbalanceResults results)
    {
        var table = new ResultsTable();
        foreach (var method in results.Experiment.Methods)
        {
            var runs = results.Runs.Where(r => r.Method == method).OrderBy(r => r.Seed).ToList();
            foreach (var (metric, value) in Metrics(results))
                table.Set(TableImbalanceExperiment.Label(method), metric, Summary.Of([.. runs.Select(r => value(r))]));
        }
        if (results.Experiment.Methods.Contains(TableImbalanceExperiment.Plain)) table.CompareWith(TableImbalanceExperiment.Label(TableImbalanceExperiment.Plain));
        return new TableImbalanceReport(results, table);
    }

    /// <summary>The metrics by name, in report order.</summary>
    public static IReadOnlyList<(string Metric, Func<TableImbalanceRun, double> Value)> Metrics(TableImbalanceResults results)
    {
        var metrics = new List<(string, Func<TableImbalanceRun, double>)> { (MinorityRecall, r => results.Minority.Average(c => r.Report.Recall[c])) };
        foreach (var c in results.Minority)
        {
            metrics.Add(($"recall {results.ClassNames[c]}", r => r.Report.Recall[c]));
            metrics.Add(($"F1 {results.ClassNames[c]}", r => r.Report.F1[c]));
        }
        metrics.Add(("balanced accuracy", r => r.Report.BalancedAccuracy));
        metrics.Add(("macro-F1", r => r.Report.MacroF1));
        metrics.Add(("accuracy", r => r.Report.Accuracy));
        return metrics;
    }

    /// <summary>Per method: whether its minority recall rose over Plain significantly (Welch, p &lt; 0.05).</summary>
    public IReadOnlyList<string> Verdict()
    {
        var plain = TableImbalanceExperiment.Label(TableImbalanceExperiment.Plain);
        if (Table[plain, MinorityRecall] is not { } baseline) return ["Plain was not run: no test."];
        return [.. Table.Methods.Where(m => m != plain).Select(m =>
        {
            var cell = Table[m, MinorityRecall]!.Value;
            var gain = cell.Value.Mean - baseline.Value.Mean;
            var p = cell.PValue is { } v ? string.Create(CultureInfo.InvariantCulture, $"p={v:G3}") : "no test (fewer than 2 seeds)";
            var word = cell.PValue < Significance ? gain > 0 ? "significant gain" : "significant loss" : "not significant";
            return string.Create(CultureInfo.InvariantCulture, $"{m}: minority recall {cell.Value.Mean:F4} vs Plain {baseline.Value.Mean:F4} ({gain:+0.0000;-0.0000}, {p}): {word}");
        })];
    }

    public string ToMarkdown()
    {
        var r = Results;
        var e = r.Experiment;
        var s = new StringBuilder();
        s.Append(string.Create(CultureInfo.InvariantCulture, $"# Imbalance protocol on {r.DataName} (target `{e.Target}`)\n\n"));
        s.Append("Training rows per class: ").Append(string.Join(", ", r.ClassNames.Select((n, c) => $"{n} {r.TrainCounts[c]}")));
        s.Append("; every class below the largest raised to its count (the natural imbalance, nothing cut): ").Append(string.Join(", ", r.Minority.Select(c => r.ClassNames[c]))).Append(".\n\n");
        s.Append(string.Create(CultureInfo.InvariantCulture, $"Classifier: ML.NET {TableEvaluationReport.Name(e.Learner)}; {e.Seeds} seeds ({e.Seed}..{e.Seed + (ulong)e.Seeds - 1}) vary the added rows and the classifier's seed (LightGBM at ML.NET's defaults does not bag, so on the same rows it gives the same trees: Plain has no spread); "));
        s.Append(string.Create(CultureInfo.InvariantCulture, $"generators trained once (seed {e.Seed}) for {e.GeneratorEpochs} epochs of batch {e.GeneratorBatchSize}.\n\n"));
        s.Append(string.Create(CultureInfo.InvariantCulture, $"## Mean ± std over {e.Seeds} seeds (p: Welch t-test against Plain)\n\n"));
        s.Append(Table.ToMarkdown(4)).Append("\n## Verdict\n\n");
        foreach (var line in Verdict()) s.Append("- ").Append(line).Append('\n');
        return s.ToString();
    }

    /// <summary>One row per classifier: method, seed, every metric, seconds.</summary>
    public string RunsCsv()
    {
        var metrics = Metrics(Results);
        var s = new StringBuilder("method,seed,").Append(string.Join(",", metrics.Select(m => m.Metric.Replace(' ', '_')))).Append(",seconds\n");
        foreach (var run in Results.Runs)
            s.Append(run.Method).Append(',').Append(run.Seed).Append(',')
             .Append(string.Join(",", metrics.Select(m => m.Value(run).ToString("R", CultureInfo.InvariantCulture))))
             .Append(',').Append(run.Seconds.ToString("F2", CultureInfo.InvariantCulture)).Append('\n');
        return s.ToString();
    }

    /// <summary>Writes results.md, results.csv and runs.csv into <paramref name="folder"/>; returns their paths.</summary>
    public IReadOnlyList<string> Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new[] { "results.md", "results.csv", "runs.csv" }.Select(f => Path.Combine(folder, f)).ToArray();
        ReportFile.WriteAllText(paths[0], ToMarkdown());
        Table.SaveCsv(paths[1]);
        ReportFile.WriteAllText(paths[2], RunsCsv());
        return paths;
    }
}
