using System.Globalization;
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

    /// <summary>
    /// The adversarial losses: with <c>losses.csv</c> (<paramref name="steps"/>), per loss the raw
    /// per-step values faint, their exponential moving average (weight <paramref name="smoothing"/>)
    /// as a line, and each epoch's mean from <c>epoch_losses.csv</c> as a dot at the epoch's middle
    /// step; without it (a run from before per-step losses were kept), the epoch means as lines.
    /// </summary>
    /// <exception cref="DataFormatException">A file has no loss column or the two files name different losses.</exception>
    public static LineChart Losses(EpochCsv means, StepLossCsv? steps, string runName, double smoothing)
    {
        var names = LossNames(means);
        if (steps is null || steps.Losses.Count == 0)
            return EpochMeans(means, names, $"{runName}: mean losses per epoch", "epoch");
        if (steps.Losses.Select(l => l.Name).FirstOrDefault(n => !names.Contains(n)) is { } extra)
            throw DataFormatException.At(steps.Path, $"loss '{extra}' has no column in {means.Path} ({string.Join(',', means.Columns)})");

        var epochs = means.Column("epoch");
        var centres = epochs.Select(steps.EpochCentre).ToArray();
        // NOTE: all raw curves first, then the smoothed ones, then the means, so no loss's faint
        // values hide another's line and the dots stay on top.
        var losses = steps.Losses.Select((l, k) => (l.Name, l.Steps, l.Values, Color: BarChart.SeriesColor(k))).ToArray();
        var series = new List<LineSeries>();
        series.AddRange(losses.Select(l => new LineSeries($"{l.Name} per step", l.Steps, l.Values)
            { Color = l.Color, Opacity = 0.25, LineWidth = 1, Marks = SeriesMarks.None, InLegend = false }));
        series.AddRange(losses.Select(l => new LineSeries(l.Name, l.Steps, Smoothing.ExponentialMovingAverage(l.Values, smoothing))
            { Color = l.Color, Marks = SeriesMarks.None }));
        series.AddRange(losses.Select(l => new LineSeries($"{l.Name} epoch mean", centres, means.Column(l.Name))
            { Color = l.Color, Joined = false, Marks = SeriesMarks.Dots, MarkerSize = 10, OutlinedMarks = true, InLegend = false }));
        return new LineChart
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"{runName}: losses per step"),
            Series = series,
            XLabel = string.Create(CultureInfo.InvariantCulture, $"step ({steps.StepsPerEpoch} per epoch); faint: each step, line: EMA {smoothing:0.###}, dots: epoch means"),
            YLabel = "loss",
            WholeNumberX = true,
            Width = 960,
            Height = 540,
        };
    }

    /// <summary>
    /// A pretraining phase's losses (<c>&lt;phase&gt;_losses.csv</c>, one mean per epoch of the
    /// phase, e.g. BAGAN's autoencoder): each loss as a line with a dot per epoch.
    /// </summary>
    /// <exception cref="DataFormatException">The file has no loss column.</exception>
    public static LineChart Phase(EpochCsv means, string phase, string runName) =>
        EpochMeans(means, LossNames(means), $"{runName}: {phase} phase, mean losses per epoch", $"{phase} epoch");

    private static string[] LossNames(EpochCsv means)
    {
        var names = means.Columns.Where(c => !NotLosses.Contains(c)).ToArray();
        if (names.Length == 0) throw DataFormatException.At(means.Path, "no loss columns, only epoch and seconds", line: 1);
        return names;
    }

    private static LineChart EpochMeans(EpochCsv means, string[] names, string title, string xLabel)
    {
        var epochs = means.Column("epoch");
        return new LineChart
        {
            Title = title,
            Series = names.Select(name => new LineSeries(name, epochs, means.Column(name)) { Marks = SeriesMarks.Dots }).ToArray(),
            XLabel = xLabel,
            YLabel = "loss",
            WholeNumberX = true,
        };
    }
}
