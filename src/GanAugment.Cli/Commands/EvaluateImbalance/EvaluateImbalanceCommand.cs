using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Evaluation.Sharding;
using GanAugment.Gans;
using Spectre.Console;

namespace GanAugment.Cli.Commands.EvaluateImbalance;

/// <summary><c>ganaug evaluate imbalance</c>: runs the protocol for each target group and prints the table, the verdict and the files.</summary>
internal static class EvaluateImbalanceCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        if (TableImbalanceCommand.IsTable(parse.GetValue(EvaluateImbalanceCommandDefinition.Data))) return TableImbalanceCommand.Run(parse, context);
        if (parse.GetValue(EvaluateImbalanceCommandDefinition.Target) is not null || parse.GetValue(EvaluateImbalanceCommandDefinition.Test) is not null)
            throw UsageException.For("--target", "and --test apply to a table (--data file.csv, .arff or a FANN file); an image set takes --target-class");
        var settings = ImbalanceSettings.From(parse, context.Environment);
        if (settings.Threads is { } threads) EngineSettings.Threads = threads;
        var data = DataSelection.FromOptions(settings.Data, settings.DataPath);
        var split = data.Load(DatasetCatalogue.CreateBuiltIn(), context);
        data.RequireTest(split, "--data");
        var groups = settings.TargetGroups(split.Train);
        foreach (var group in groups)
        {
            var experiment = settings.Experiment with { TargetClasses = group };
            var folder = settings.Folder(groups, group);
            if (settings.Shard.IsWhole) Report(context, RunProtocol(context, experiment, split, data, folder));
            else RunShard(context, experiment, split, data, folder, settings.Shard);
        }
        return ExitCodes.Success;
    }

    /// <summary>Runs one shard's classifiers and writes its partial result, to be joined by <c>ganaug evaluate merge</c>.</summary>
    private static void RunShard(CliContext context, ImbalanceExperiment experiment, ImageDatasetSplit split, DataSelection data, string folder, Shard shard)
    {
        var results = Protocol(context, experiment, split, data, folder, shard);
        var path = ImbalancePartial.Write(results, shard, folder);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"shard {shard}: {results.Runs.Count} classifiers -> {path}"));
        context.Out.WriteLine($"when every shard is done: ganaug evaluate merge {Path.GetDirectoryName(Path.GetFullPath(folder))}");
    }

    /// <summary>Runs one protocol (a line or bar per stage on the console, the detail in its <c>protocol.log</c>) and saves its report; shared with <c>ganaug demo</c>.</summary>
    public static (ImbalanceReport Report, IReadOnlyList<string> Files, string Folder) RunProtocol(
        CliContext context, ImbalanceExperiment experiment, ImageDatasetSplit split, DataSelection data, string folder)
    {
        var report = ImbalanceReport.From(Protocol(context, experiment, split, data, folder, Shard.Whole));
        return (report, report.Save(folder), folder);
    }

    private static ImbalanceResults Protocol(CliContext context, ImbalanceExperiment experiment, ImageDatasetSplit split, DataSelection data, string folder, Shard shard)
    {
        var e = experiment;
        var targets = string.Join(", ", e.TargetClasses.Select(c => $"{c} ({split.Train.ClassNames[c]})"));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imbalance protocol on {data}: minority class {targets} kept at u = {e.Keep}, methods {string.Join(", ", e.Methods.Select(m => m.Label()))}, {e.Seeds} seeds{(shard.IsWhole ? "" : $", shard {shard}")} -> {Path.GetFullPath(folder)}"));
        var log = Path.Combine(Path.GetFullPath(folder), ProtocolConsole.LogFile);
        context.Out.WriteLine($"one line per stage here; every GAN epoch's losses and other detail in {log}");
        ImbalanceResults results;
        using (var progress = new ProtocolConsole(context.Out, log))
        {
            var protocol = new ImbalanceProtocol(e, folder, progress, shard);
            results = context.Interactive
                ? ConsoleFactory.Create(context).Progress().AutoClear(false).HideCompleted(false).Columns(LiveProgressObserver.Columns())
                    .Start(live =>
                    {
                        progress.Attach(live);
                        return protocol.Run(split, data.ManifestText, context.Cancel);
                    })
                : protocol.Run(split, data.ManifestText, context.Cancel);
        }
        return results;
    }

    public static void Report(CliContext context, (ImbalanceReport Report, IReadOnlyList<string> Files, string Folder) done)
    {
        var output = context.Out;
        output.WriteLine();
        output.Write(done.Report.Table().ToMarkdown(4));
        output.WriteLine("(mean ± std over seeds on the real test set; p: Welch t-test against Plain)");
        output.WriteLine(done.Report.Verdict());
        foreach (var file in done.Files) output.WriteLine($"report: {file}");
        foreach (var grid in done.Report.Results.SampleGrids) output.WriteLine($"synthetic samples: {grid}");
        foreach (var folder in done.Report.Results.GeneratorFolders)
            if (LastComparison(folder) is { } grid) output.WriteLine($"bagan rows real/autoencoded/generated: {grid}");
    }

    /// <summary>BAGAN's comparison grid of the latest epoch in <paramref name="folder"/> (null for other generators).</summary>
    public static string? LastComparison(string folder) =>
        Directory.GetFiles(folder, "cmp_class_*_epoch_*.png")
            .Select(f => (File: f, Epoch: int.TryParse(Path.GetFileNameWithoutExtension(f).Split('_')[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1))
            .OrderBy(p => p.Epoch).Select(p => p.File).LastOrDefault();
}
