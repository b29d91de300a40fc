using System.CommandLine;
using GanAugment.Cli.Commands.EvaluateFewShot;
using GanAugment.Cli.Commands.EvaluateImbalance;
using GanAugment.Cli.Infrastructure;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Evaluation.Sharding;
using GanAugment.Evaluation.Tables;
using Def = GanAugment.Cli.Commands.EvaluateMerge.EvaluateMergeCommandDefinition;

namespace GanAugment.Cli.Commands.EvaluateMerge;

/// <summary>
/// <c>ganaug evaluate merge</c>: finds the shards' partial results, joins them by their protocol
/// (image or table imbalance, few-shot) and writes the report one unsharded run writes.
/// </summary>
internal static class EvaluateMergeCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var partials = new List<string>();
        foreach (var folder in parse.GetValue(Def.Folders)!)
        {
            if (!Directory.Exists(folder)) throw UsageException.For("folders", $"{folder} is not a folder");
            var own = Path.Combine(folder, PartialFiles.FileName);
            var found = File.Exists(own)
                ? [own]
                : Directory.GetDirectories(folder, "shard-*-of-*").Order(StringComparer.Ordinal)
                    .Select(d => Path.Combine(d, PartialFiles.FileName)).Where(File.Exists).ToList();
            if (found.Count == 0) throw UsageException.For("folders", $"{folder} holds no {PartialFiles.FileName} and no shard-i-of-n/ folders with one");
            partials.AddRange(found);
        }
        var outFolder = parse.GetValue(Def.Out) ?? CommonParent(partials)
            ?? throw UsageException.For("--out", "is needed: the shard folders have no common parent folder");
        var protocols = partials.Select(PartialFiles.ProtocolOf).Distinct().ToList();
        if (protocols.Count > 1) throw UsageException.For("folders", $"hold partial results of different protocols ({string.Join(", ", protocols)})");
        Directory.CreateDirectory(outFolder);
        context.Out.WriteLine($"joining {partials.Count} shards of the {protocols[0]} protocol -> {Path.GetFullPath(outFolder)}");
        switch (protocols[0])
        {
            case ImbalancePartial.Protocol:
                var results = ImbalancePartial.Merge(partials);
                var report = ImbalanceReport.From(results with { SampleGrids = CopyGrids(results.SampleGrids, outFolder) });
                EvaluateImbalanceCommand.Report(context, (report, report.Save(outFolder), outFolder));
                break;
            case TableImbalancePartial.Protocol:
                TableImbalanceCommand.Report(context, TableImbalanceReport.From(TableImbalancePartial.Merge(partials)), outFolder);
                break;
            case FewShotPartial.Protocol:
                var (scores, title, _) = FewShotPartial.Merge(partials);
                EvaluateFewShotCommand.Report(context, outFolder, scores, title);
                break;
            default:
                throw UsageException.For("folders", $"hold partial results of the unknown protocol '{protocols[0]}'");
        }
        return ExitCodes.Success;
    }

    /// <summary>The shards' sample grids copied into the joined report's folder.</summary>
    private static List<string> CopyGrids(IEnumerable<string> grids, string outFolder)
    {
        var copies = new List<string>();
        foreach (var grid in grids.Where(File.Exists))
        {
            var copy = Path.Combine(outFolder, Path.GetFileName(grid));
            if (Path.GetFullPath(copy) != Path.GetFullPath(grid)) File.Copy(grid, copy, overwrite: true);
            copies.Add(copy);
        }
        return copies;
    }

    /// <summary>The folder that holds every shard folder, when they share one.</summary>
    private static string? CommonParent(IReadOnlyList<string> partials)
    {
        var parents = partials.Select(p => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(p)))).Distinct().ToList();
        return parents.Count == 1 ? parents[0] : null;
    }
}
