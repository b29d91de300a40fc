using System.CommandLine;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Commands.EvaluateImbalance;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Evaluation.Sharding;
using Def = GanAugment.Cli.Commands.EvaluateMerge.EvaluateMergeCommandDefinition;

namespace GanAugment.Cli.Commands.EvaluateMerge;

/// <summary><c>ganaug evaluate merge</c>: finds the shards' partial results, joins them and writes the report an unsharded run writes.</summary>
internal static class EvaluateMergeCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var partials = new List<string>();
        foreach (var folder in parse.GetValue(Def.Folders)!)
        {
            if (!Directory.Exists(folder)) throw UsageException.For("folders", $"{folder} is not a folder");
            var found = File.Exists(Path.Combine(folder, ImbalancePartial.FileName))
                ? [Path.Combine(folder, ImbalancePartial.FileName)]
                : Directory.GetDirectories(folder, "shard-*-of-*").Order(StringComparer.Ordinal)
                    .Select(d => Path.Combine(d, ImbalancePartial.FileName)).Where(File.Exists).ToList();
            if (found.Count == 0) throw UsageException.For("folders", $"{folder} holds no {ImbalancePartial.FileName} and no shard-i-of-n/ folders with one");
            partials.AddRange(found);
        }
        var outFolder = parse.GetValue(Def.Out) ?? CommonParent(partials)
            ?? throw UsageException.For("--out", "is needed: the shard folders have no common parent folder");
        var results = ImbalancePartial.Merge(partials);
        Directory.CreateDirectory(outFolder);
        var grids = new List<string>();
        foreach (var grid in results.SampleGrids.Where(File.Exists))
        {
            var copy = Path.Combine(outFolder, Path.GetFileName(grid));
            if (Path.GetFullPath(copy) != Path.GetFullPath(grid)) File.Copy(grid, copy, overwrite: true);
            grids.Add(copy);
        }
        var report = ImbalanceReport.From(results with { SampleGrids = grids });
        context.Out.WriteLine($"joined {partials.Count} shards: {results.Runs.Count} classifiers");
        EvaluateImbalanceCommand.Report(context, (report, report.Save(outFolder), outFolder));
        return ExitCodes.Success;
    }

    /// <summary>The folder that holds every shard folder, when they share one.</summary>
    private static string? CommonParent(IReadOnlyList<string> partials)
    {
        var parents = partials.Select(p => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(p)))).Distinct().ToList();
        return parents.Count == 1 ? parents[0] : null;
    }
}
