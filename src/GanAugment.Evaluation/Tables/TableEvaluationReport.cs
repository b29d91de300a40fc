using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GanAugment.Data.Tables;
using GanAugment.Data.Writers;
using GanAugment.Gans.Observers;

namespace GanAugment.Evaluation.Tables;

/// <summary>
/// The files of a table evaluation: <c>report.md</c> (summary, efficacy, class agreement, privacy,
/// then every column and pair score), <c>report.json</c> (the same numbers) and
/// <c>columns/&lt;column&gt;.png</c>, real against synthetic histograms, one per column.
/// </summary>
public static class TableEvaluationReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the report files into <paramref name="folder"/> and returns their paths (the histograms last).</summary>
    public static IReadOnlyList<string> Save(TableEvaluation e, Table real, Table synthetic, string folder, string subject)
    {
        Directory.CreateDirectory(folder);
        var md = Path.Combine(folder, "report.md");
        var json = Path.Combine(folder, "report.json");
        ReportFile.WriteAllText(md, ToMarkdown(e, subject));
        ReportFile.WriteAllText(json, ToJson(e, subject));
        var charts = Path.Combine(folder, "columns");
        Directory.CreateDirectory(charts);
        var aligned = TableFile.Align(synthetic, real, "synthetic");
        var files = new List<string> { md, json };
        foreach (var column in real.Columns)
        {
            var png = Path.Combine(charts, F($"{files.Count - 2:D2}-{SafeName(column.Name)}.png"));
            TableCharts.WriteHistograms(new Table([column]), new Table([aligned[column.Name]]), png, "real vs synthetic");
            files.Add(png);
        }
        return files;
    }

    public static string ToJson(TableEvaluation e, string subject) => JsonSerializer.Serialize(new
    {
        subject,
        e.Target,
        e.RealRows,
        e.SyntheticRows,
        e.TrainRows,
        quality = e.Quality,
        columnShapes = e.ColumnShapesScore,
        columnPairTrends = e.ColumnPairsScore,
        detection = e.Detection,
        efficacy = e.Efficacy,
        agreement = e.Agreement,
        privacy = e.Privacy is { } p ? new { p.SyntheticMedian, p.HoldoutMedian, p.SyntheticExactShare, p.HoldoutExactShare, p.Flagged } : null,
        columns = e.ColumnShapes,
        pairs = e.ColumnPairs,
    }, Json);

    /// <summary>The headline lines, as the console prints them.</summary>
    public static IReadOnlyList<string> Summary(TableEvaluation e)
    {
        var lines = new List<string>
        {
            F($"quality {e.Quality:F4} (column shapes {e.ColumnShapesScore:F4}, column pair trends {e.ColumnPairsScore:F4})"),
            F($"detection: ROC AUC {e.Detection.RocAuc:F4} real vs synthetic ({e.Detection.Folds}-fold logistic regression), score {e.Detection.Score:F4}"),
        };
        foreach (var x in e.Efficacy)
            lines.Add(F($"{Name(x.Learner)}: TSTR accuracy {x.Tstr.Accuracy:F4}, macro-F1 {x.Tstr.MacroF1:F4}, ROC AUC {x.Tstr.RocAuc:F4}")
                + (x.Trtr is { } t ? F($" | TRTR {t.Accuracy:F4}, {t.MacroF1:F4}, {t.RocAuc:F4} (TSTR/TRTR AUC {x.Tstr.RocAuc / t.RocAuc:F3})") : " | TRTR: no --train"));
        if (e.Privacy is { } p)
            lines.Add(F($"privacy: median DCR synthetic {p.SyntheticMedian:F4} vs held-out real {p.HoldoutMedian:F4}, exact copies {p.SyntheticExactShare:P1}") + (p.Flagged ? " — FLAGGED: the synthetic rows are closer to the training rows than new real rows are" : " — not flagged"));
        return lines;
    }

    public static string ToMarkdown(TableEvaluation e, string subject)
    {
        var s = new StringBuilder();
        s.Append(F($"# Table evaluation: {subject}\n\n{e.SyntheticRows} synthetic rows against {e.RealRows} real held-out rows"));
        s.Append(e.TrainRows is { } n ? F($" (real training rows: {n})") : " (no real training rows given: no TRTR, class agreement or privacy check)");
        s.Append(F($"; target `{e.Target}`.\n\n## Summary\n\n"));
        foreach (var line in Summary(e)) s.Append("- ").Append(line).Append('\n');
        s.Append("\n## Machine-learning efficacy (tested on the real held-out rows)\n\n| learner | trained on | accuracy | macro-F1 | ROC AUC |\n|---|---|---:|---:|---:|\n");
        foreach (var x in e.Efficacy)
        {
            if (x.Trtr is { } t) s.Append(F($"| {Name(x.Learner)} | real (TRTR) | {t.Accuracy:F4} | {t.MacroF1:F4} | {t.RocAuc:F4} |\n"));
            s.Append(F($"| {Name(x.Learner)} | synthetic (TSTR) | {x.Tstr.Accuracy:F4} | {x.Tstr.MacroF1:F4} | {x.Tstr.RocAuc:F4} |\n"));
        }
        if (e.Agreement is { } agreement)
        {
            s.Append("\n## Class agreement (gradient-boosted trees trained on the real training rows)\n\n| class | synthetic rows | share assigned to their class | real held-out rows | share assigned to their class |\n|---|---:|---:|---:|---:|\n");
            foreach (var a in agreement) s.Append(F($"| {a.Class} | {a.SyntheticRows} | {a.SyntheticShare:F4} | {a.RealRows} | {a.RealShare:F4} |\n"));
        }
        if (e.Privacy is { } p)
        {
            s.Append("\n## Privacy: distance to the closest real training row (Gower)\n\n| rows | median DCR | equal to a training row |\n|---|---:|---:|\n");
            s.Append(F($"| synthetic | {p.SyntheticMedian:F4} | {p.SyntheticExactShare:P1} |\n| real held-out | {p.HoldoutMedian:F4} | {p.HoldoutExactShare:P1} |\n\n"));
            s.Append(p.Flagged ? "**Flagged**: the synthetic rows are closer to the training rows than new real rows are.\n" : "Not flagged: the synthetic rows are no closer to the training rows than new real rows are.\n");
        }
        s.Append("\n## Column shapes\n\n| column | metric | score |\n|---|---|---:|\n");
        foreach (var c in e.ColumnShapes) s.Append(F($"| {c.Column} | {c.Metric} | {c.Score:F4} |\n"));
        s.Append("\n## Column pair trends\n\n| column | column | metric | score |\n|---|---|---|---:|\n");
        foreach (var c in e.ColumnPairs) s.Append(F($"| {c.First} | {c.Second} | {c.Metric} | {c.Score:F4} |\n"));
        return s.ToString();
    }

    public static string Name(TableLearner learner) => learner == TableLearner.GradientBoostedTrees ? "gradient-boosted trees" : "logistic regression";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string SafeName(string column) =>
        string.Concat(column.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_'));
}
