using GanAugment.Data.Writers.Charts;
using GanAugment.Data;
using GanAugment.Evaluation.Reports;

namespace GanAugment.Cli.Commands.Plot;

/// <summary>The charts of a run directory's per-epoch files, built (and checked) before anything is written.</summary>
internal static class RunCharts
{
    /// <summary>Columns of <c>epoch_losses.csv</c> that are not losses.</summary>
    private static readonly string[] NotLosses = ["epoch", "seconds"];

    /// <summary>
    /// <c>stats.csv</c>: the generated pixels' mean and standard deviation per epoch (solid), against
    /// the real data's (dashed, flat); means share one colour and standard deviations another.
    /// </summary>
    public static LineChart Stats(EpochCsv stats, string runName)
    {
        stats.Require(["real_mean", "real_std", "fake_mean", "fake_std"]);
        var epochs = stats.Column("epoch");
        LineSeries Line(string column, string name, int colour, bool dashed) =>
            new(name, epochs, stats.Column(column)) { Dashed = dashed, Color = BarChart.SeriesColor(colour) };
        return new LineChart
        {
            Title = $"{runName}: pixel mean and std, generated vs real",
            Series =
            [
                Line("real_mean", "real mean", 0, dashed: true),
                Line("fake_mean", "generated mean", 0, dashed: false),
                Line("real_std", "real std", 1, dashed: true),
                Line("fake_std", "generated std", 1, dashed: false),
            ],
            XLabel = "epoch",
            YLabel = "pixel value",
            WholeNumberX = true,
        };
    }

    /// <summary><c>epoch_losses.csv</c>: every loss column (each epoch's mean) against the epoch, one colour per loss.</summary>
    public static LineChart Losses(EpochCsv losses, string runName)
    {
        var names = losses.Columns.Where(c => !NotLosses.Contains(c)).ToArray();
        if (names.Length == 0) throw DataFormatException.At(losses.Path, "no loss columns, only epoch and seconds", line: 1);
        var epochs = losses.Column("epoch");
        return new LineChart
        {
            Title = $"{runName}: mean losses per epoch",
            Series = names.Select(name => new LineSeries(name, epochs, losses.Column(name))).ToArray(),
            XLabel = "epoch",
            YLabel = "loss",
            WholeNumberX = true,
        };
    }
}
