using System.Globalization;
using System.Text;
using GanAugment.Evaluation.Statistics;

namespace GanAugment.Evaluation.FewShot;

/// <summary>One arm against the unaugmented arm at one shot count: Welch's t-test and the one-sided confidence that the arm is better.</summary>
public sealed record FewShotComparison(string Arm, Summary Accuracy, double PValue, double Confidence);

/// <summary>The protocol's results per shot count, in the shape of the seed's table.</summary>
public sealed record FewShotRow(int Shots, Summary Baseline, IReadOnlyList<FewShotComparison> Arms);

/// <summary>Summaries and files of a few-shot protocol run: <c>fewshot_runs.csv</c>, <c>fewshot.csv</c>, <c>fewshot.md</c>.</summary>
public static class FewShotReport
{
    /// <summary>
    /// Per shot count: mean ± std of each arm, Welch's two-sided p against "none", and the one-sided
    /// confidence 1 − P(T ≥ t) that the arm's mean accuracy is higher (1 − p/2 when it is higher,
    /// p/2 when lower), as the seed reports it.
    /// </summary>
    public static IReadOnlyList<FewShotRow> Summarise(IReadOnlyList<FewShotScore> scores)
    {
        var rows = new List<FewShotRow>();
        foreach (var k in scores.Select(s => s.Shots).Distinct())
        {
            double[] Of(string arm) => [.. scores.Where(s => s.Shots == k && s.Arm == arm).Select(s => s.Accuracy)];
            var none = Of(FewShotArm.None.Name);
            var comparisons = new List<FewShotComparison>();
            foreach (var arm in scores.Select(s => s.Arm).Distinct().Where(a => a != FewShotArm.None.Name))
            {
                var values = Of(arm);
                var (p, confidence) = Compare(values, none);
                comparisons.Add(new FewShotComparison(arm, Summary.Of(values), p, confidence));
            }
            rows.Add(new FewShotRow(k, Summary.Of(none), comparisons));
        }
        return rows;
    }

    private static (double P, double Confidence) Compare(double[] with, double[] without)
    {
        var (a, b) = (Summary.Of(with), Summary.Of(without));
        // NOTE: two arms of identical accuracies in every run have no variance: nothing to test.
        if (a.Variance + b.Variance == 0) return a.Mean == b.Mean ? (1, 0.5) : (0, a.Mean > b.Mean ? 1 : 0);
        var p = WelchTTest.Compute(with, without).PValue;
        return (p, a.Mean > b.Mean ? 1 - p / 2 : p / 2);
    }

    /// <summary>Writes the three files into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<FewShotScore> scores, IReadOnlyList<FewShotRow> rows, string title)
    {
        Directory.CreateDirectory(folder);
        var runs = new StringBuilder("shots,run,arm,accuracy,steps,query_images\n");
        foreach (var s in scores)
            runs.Append(F($"{s.Shots},{s.Run},{s.Arm},{s.Accuracy:R},{s.Steps},{s.Query}\n"));
        var table = new StringBuilder("shots,arm,mean,std,runs,p_vs_none,confidence_better\n");
        foreach (var r in rows)
        {
            table.Append(F($"{r.Shots},none,{r.Baseline.Mean:R},{r.Baseline.StandardDeviation:R},{r.Baseline.Count},,\n"));
            foreach (var a in r.Arms)
                table.Append(F($"{r.Shots},{a.Arm},{a.Accuracy.Mean:R},{a.Accuracy.StandardDeviation:R},{a.Accuracy.Count},{a.PValue:R},{a.Confidence:R}\n"));
        }
        var paths = new[] { Path.Combine(folder, "fewshot_runs.csv"), Path.Combine(folder, "fewshot.csv"), Path.Combine(folder, "fewshot.md") };
        Data.Writers.AtomicFile.WriteAllText(paths[0], runs.ToString());
        Data.Writers.AtomicFile.WriteAllText(paths[1], table.ToString());
        Data.Writers.AtomicFile.WriteAllText(paths[2], Markdown(rows, title));
        return paths;
    }

    /// <summary>The seed's table: a column per shot count, rows of accuracies and confidences.</summary>
    public static string Markdown(IReadOnlyList<FewShotRow> rows, string title)
    {
        var text = new StringBuilder($"## {title}\n\n| Samples per class | {string.Join(" | ", rows.Select(r => r.Shots))} |\n|---|{string.Concat(rows.Select(_ => "---:|"))}\n");
        text.Append("| Acc. without augmentation | ").AppendJoin(" | ", rows.Select(r => Cell(r.Baseline))).Append(" |\n");
        foreach (var arm in rows.SelectMany(r => r.Arms.Select(a => a.Arm)).Distinct())
        {
            var cells = rows.Select(r => r.Arms.First(a => a.Arm == arm)).ToArray();
            text.Append($"| Acc. with {arm} | ").AppendJoin(" | ", cells.Select(a => Cell(a.Accuracy))).Append(" |\n");
            text.Append($"| Welch p, {arm} vs none | ").AppendJoin(" | ", cells.Select(a => F($"{a.PValue:0.000}"))).Append(" |\n");
            text.Append($"| Confidence {arm} is better | ").AppendJoin(" | ", cells.Select(a => F($"{100 * a.Confidence:0.0}%"))).Append(" |\n");
        }
        return text.ToString();
    }

    private static string Cell(Summary s) => F($"{100 * s.Mean:0.0}% ± {100 * s.StandardDeviation:0.0}");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
