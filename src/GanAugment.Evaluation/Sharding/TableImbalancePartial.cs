using GanAugment.Evaluation.Tables;

namespace GanAugment.Evaluation.Sharding;

/// <summary>The partial result of one shard of the table imbalance protocol, and the merge of all shards (as <see cref="ImbalancePartial"/>).</summary>
public static class TableImbalancePartial
{
    public const string Protocol = "table-imbalance";

    public sealed record RunEntry(string Method, int Seed, int Classes, int[] Confusion, double Seconds);

    public sealed record Part(string Protocol, int ShardIndex, int ShardCount, TableImbalanceExperiment Experiment, string DataName,
        string[] ClassNames, int[] TrainCounts, int[] Minority, RunEntry[] Runs) : IPartialFile
    {
        public string Fingerprint() => PartialFiles.ToJson(new { Experiment, DataName, ClassNames, TrainCounts, Minority });
    }

    public static string Write(TableImbalanceResults results, Shard shard, string folder) => PartialFiles.Write(
        new Part(Protocol, shard.Index, shard.Count, results.Experiment, results.DataName, [.. results.ClassNames], [.. results.TrainCounts], [.. results.Minority],
            [.. results.Runs.Select(r => new RunEntry(r.Method, r.Seed, r.Report.Classes, r.Report.Confusion(), r.Seconds))]), folder);

    public static TableImbalanceResults Merge(IReadOnlyList<string> paths)
    {
        var files = PartialFiles.ReadComplete<Part>(paths, Protocol);
        var first = files[0].File;
        var e = first.Experiment;
        var runs = PartialFiles.MethodsBySeed(files, f => f.Runs, r => r.Method, r => r.Seed, e.Methods, e.Seeds);
        return new TableImbalanceResults(e, first.DataName, first.ClassNames, first.TrainCounts, first.Minority,
            [.. runs.Select(p => new TableImbalanceRun(p.Run.Method, p.Run.Seed, ImbalancePartial.Report(p.Path, p.Run.Classes, p.Run.Confusion, $"{p.Run.Method} at seed {p.Run.Seed}"), p.Run.Seconds))]);
    }
}
