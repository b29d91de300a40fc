using GanAugment.Data;
using GanAugment.Evaluation.FewShot;

namespace GanAugment.Evaluation.Sharding;

/// <summary>
/// The partial result of one shard of the few-shot protocol (its units: the runs of each shot
/// count, shot count by shot count; a unit trains every arm on its episode), and the merge of all
/// shards into the scores one unsharded run gives, in its order.
/// </summary>
public static class FewShotPartial
{
    public const string Protocol = "fewshot";

    /// <summary>
    /// One experiment: the options, the report's title, the arms in order, and what identifies the
    /// generator (the SHA-256 of its checkpoint; empty without one), which every shard must share.
    /// </summary>
    public sealed record Part(string Protocol, int ShardIndex, int ShardCount, FewShotOptions Options, string Title, string[] Arms, string Generator,
        FewShotScore[] Scores) : IPartialFile
    {
        public string Fingerprint() => PartialFiles.ToJson(new { Options, Title, Arms, Generator });
    }

    public static string Write(IReadOnlyList<FewShotScore> scores, FewShotOptions options, string title, IReadOnlyList<string> arms, string generator, Shard shard, string folder) =>
        PartialFiles.Write(new Part(Protocol, shard.Index, shard.Count, options, title, [.. arms], generator, [.. scores]), folder);

    /// <summary>The scores of every shard in the unsharded order, with the experiment's title and options.</summary>
    public static (IReadOnlyList<FewShotScore> Scores, string Title, FewShotOptions Options) Merge(IReadOnlyList<string> paths)
    {
        var files = PartialFiles.ReadComplete<Part>(paths, Protocol);
        var first = files[0].File;
        var shots = first.Options.Shots.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var arms = first.Arms.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i);
        var scores = files.SelectMany(f => f.File.Scores)
            .OrderBy(s => shots.GetValueOrDefault(s.Shots, int.MaxValue)).ThenBy(s => s.Run).ThenBy(s => arms.GetValueOrDefault(s.Arm, int.MaxValue)).ToList();
        var expected = first.Options.Shots.Count * first.Options.Runs * first.Arms.Length;
        if (scores.Count != expected || scores.Select(s => (s.Shots, s.Run, s.Arm)).Distinct().Count() != expected)
            throw new DataFormatException($"the shards hold {scores.Count} classifiers for {expected} ({first.Options.Shots.Count} shot counts x {first.Options.Runs} runs x {first.Arms.Length} arms): {string.Join(", ", paths)}");
        return (scores, first.Title, first.Options);
    }
}
