using GanAugment.Data;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Evaluation.Metrics;

namespace GanAugment.Evaluation.Sharding;

/// <summary>
/// The partial result of one shard of the image imbalance protocol: the experiment it ran, which
/// shard it was, and each classifier's confusion matrix (all its report is made of).
/// <see cref="Merge"/> joins the shards into the results one unsharded run gives, in its order.
/// </summary>
public static class ImbalancePartial
{
    public const string Protocol = "imbalance";

    /// <summary>One classifier: a method at a seed, its confusion matrix and the seconds it took.</summary>
    public sealed record RunEntry(ImbalanceMethod Method, int Seed, int Classes, int[] Confusion, double Seconds);

    public sealed record Part(string Protocol, int ShardIndex, int ShardCount, ImbalanceExperiment Experiment, string DataName,
        string[] ClassNames, int[] ImbalancedCounts, RunEntry[] Runs, string[] GeneratorFolders, string[] SampleGrids) : IPartialFile
    {
        public string Fingerprint() => PartialFiles.ToJson(new { Experiment, DataName, ClassNames, ImbalancedCounts });
    }

    /// <summary>Writes <paramref name="results"/> of <paramref name="shard"/> to <c>folder/partial.json</c> and returns its path.</summary>
    public static string Write(ImbalanceResults results, Shard shard, string folder) => PartialFiles.Write(
        new Part(Protocol, shard.Index, shard.Count, results.Experiment, results.DataName, [.. results.ClassNames], [.. results.ImbalancedCounts],
            [.. results.Runs.Select(r => new RunEntry(r.Method, r.Seed, r.Report.Classes, r.Report.Confusion(), r.Seconds))],
            [.. results.GeneratorFolders.Select(Path.GetFullPath)], [.. results.SampleGrids.Select(Path.GetFullPath)]), folder);

    /// <summary>Joins every shard's partial result; throws <see cref="DataFormatException"/> naming the file when they do not make one experiment.</summary>
    public static ImbalanceResults Merge(IReadOnlyList<string> paths)
    {
        var files = PartialFiles.ReadComplete<Part>(paths, Protocol);
        var first = files[0].File;
        var e = first.Experiment;
        var runs = PartialFiles.MethodsBySeed(files, f => f.Runs, r => r.Method, r => r.Seed, e.Methods, e.Seeds);
        return new ImbalanceResults(e, first.DataName, first.ClassNames, first.ImbalancedCounts,
            [.. runs.Select(p => new ImbalanceRun(p.Run.Method, p.Run.Seed, Report(p.Path, p.Run.Classes, p.Run.Confusion, $"{p.Run.Method} at seed {p.Run.Seed}"), e.TargetClasses, p.Run.Seconds))],
            [.. files.SelectMany(f => f.File.GeneratorFolders)], [.. files.SelectMany(f => f.File.SampleGrids)]);
    }

    /// <summary>A classifier's report from its stored confusion matrix; a bad matrix names the file.</summary>
    internal static ClassificationReport Report(string path, int classes, int[] confusion, string what)
    {
        try
        {
            return ClassificationReport.FromConfusion(classes, confusion);
        }
        catch (ArgumentException ex)
        {
            throw new DataFormatException($"{path}: {what}: {ex.Message}");
        }
    }
}
