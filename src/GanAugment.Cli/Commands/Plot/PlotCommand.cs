using GanAugment.Data.Writers.Charts;
using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data;
using GanAugment.Evaluation.Reports;
using Def = GanAugment.Cli.Commands.Plot.PlotCommandDefinition;

namespace GanAugment.Cli.Commands.Plot;

/// <summary>
/// <c>ganaug plot</c>: reads a run's <c>losses.csv</c>, <c>epoch_losses.csv</c>, the pretraining
/// phases' <c>&lt;phase&gt;_losses.csv</c> and <c>stats.csv</c>, checks them all, then writes
/// <c>losses.png</c>, <c>&lt;phase&gt;_losses.png</c> and <c>stats.png</c> (each through a temporary
/// file) and prints their paths.
/// </summary>
internal static class PlotCommand
{
    public const string StatsFile = "stats.csv";
    public const string LossesFile = "epoch_losses.csv";
    public const string StepLossesFile = "losses.csv";
    private const string PhaseLossSuffix = "_losses.csv";

    public static int Run(ParseResult parse, CliContext context)
    {
        var smoothing = parse.GetValue(Def.Smoothing);
        if (!(smoothing >= 0 && smoothing < 1))
            throw UsageException.For("--smoothing", string.Create(CultureInfo.InvariantCulture, $"{smoothing} is not a weight in [0, 1) (0: no smoothing; TensorBoard's default is 0.6)"));
        var run = RunArgument.Open(parse.GetRequiredValue(Def.Run));
        var manifest = run.ReadManifest();
        var runName = $"{manifest.Model} on {TrainingSource.FromManifest(manifest.Data)}";
        var stepsPath = run.File(StepLossesFile);
        var steps = File.Exists(stepsPath) ? StepLossCsv.Read(stepsPath) : null;
        var notes = new List<string>();
        if (steps is null) notes.Add($"{run.Path} has no {StepLossesFile}; losses.png shows the epoch means only");
        var charts = new List<(string File, LineChart Chart)> { ("losses.png", RunCharts.Losses(EpochCsv.Read(run.File(LossesFile)), steps, runName, smoothing)) };
        foreach (var (phase, path) in PhaseLossFiles(run.Path))
            charts.Add(($"{phase}_losses.png", RunCharts.Phase(EpochCsv.Read(path), phase, runName)));
        var statsPath = run.File(StatsFile);
        if (File.Exists(statsPath))
            charts.Add(("stats.png", RunCharts.Stats(EpochCsv.Read(statsPath), runName)));
        else
            notes.Add($"{run.Path} has no {StatsFile} (trained with --stats-samples 0); stats.png skipped");
        // NOTE: the notes follow the checks, so a run that fails to plot prints its error alone.
        foreach (var note in notes) context.Error.WriteLine($"ganaug: note: {note}");

        var folder = Path.GetFullPath(parse.GetValue(Def.Out) ?? run.Path);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataFormatException.At(folder, $"cannot create the output folder: {e.Message}");
        }

        foreach (var (file, chart) in charts)
        {
            var path = Path.Combine(folder, file);
            chart.SavePng(path);
            context.Out.WriteLine(path);
        }
        return ExitCodes.Success;
    }

    /// <summary>The per-epoch loss files of pretraining phases (<c>&lt;phase&gt;_losses.csv</c> other than <c>epoch_losses.csv</c>), by phase name.</summary>
    private static IEnumerable<(string Phase, string Path)> PhaseLossFiles(string runPath) =>
        Directory.GetFiles(runPath, "*" + PhaseLossSuffix)
            .Select(path => (Phase: Path.GetFileName(path)[..^PhaseLossSuffix.Length], Path: path))
            .Where(p => p.Phase.Length > 0 && Path.GetFileName(p.Path) != LossesFile)
            .OrderBy(p => p.Phase, StringComparer.Ordinal);
}
