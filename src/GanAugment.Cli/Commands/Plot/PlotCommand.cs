using GanAugment.Data.Writers.Charts;
using System.CommandLine;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data;
using GanAugment.Evaluation.Reports;
using Def = GanAugment.Cli.Commands.Plot.PlotCommandDefinition;

namespace GanAugment.Cli.Commands.Plot;

/// <summary>
/// <c>ganaug plot</c>: reads a run's <c>epoch_losses.csv</c> and <c>stats.csv</c>, checks both,
/// then writes <c>losses.png</c> and <c>stats.png</c> (each through a temporary file) and prints
/// their paths.
/// </summary>
internal static class PlotCommand
{
    public const string StatsFile = "stats.csv";
    public const string LossesFile = "epoch_losses.csv";

    public static int Run(ParseResult parse, CliContext context)
    {
        var run = RunArgument.Open(parse.GetRequiredValue(Def.Run));
        var manifest = run.ReadManifest();
        var runName = $"{manifest.Model} on {TrainingSource.FromManifest(manifest.Data)}";
        var charts = new List<(string File, LineChart Chart)> { ("losses.png", RunCharts.Losses(EpochCsv.Read(run.File(LossesFile)), runName)) };
        var statsPath = run.File(StatsFile);
        if (File.Exists(statsPath))
            charts.Add(("stats.png", RunCharts.Stats(EpochCsv.Read(statsPath), runName)));
        else
            context.Error.WriteLine($"ganaug: note: {run.Path} has no {StatsFile} (trained with --stats-samples 0); stats.png skipped");

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
}
