using System.Text.Json;
using System.Text.Json.Serialization;
using GanAugment.Data;
using GanAugment.Data.Writers;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Evaluation.Metrics;

namespace GanAugment.Evaluation.Sharding;

/// <summary>
/// The partial result of one shard of the imbalance protocol (<c>partial.json</c>): the
/// experiment it ran, which shard it was, and each classifier's confusion matrix (all its report is
/// made of). <see cref="Merge"/> joins the shards of one experiment into the results that one
/// unsharded run gives, in the same order, so the report written from them is the same file.
/// </summary>
public static class ImbalancePartial
{
    public const string FileName = "partial.json";
    private const string Protocol = "imbalance";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    private sealed record RunEntry(ImbalanceMethod Method, int Seed, int Classes, int[] Confusion, double Seconds);

    private sealed record PartialFile(string Protocol, int ShardIndex, int ShardCount, ImbalanceExperiment Experiment, string DataName,
        string[] ClassNames, int[] ImbalancedCounts, RunEntry[] Runs, string[] GeneratorFolders, string[] SampleGrids);

    /// <summary>Writes <paramref name="results"/> of <paramref name="shard"/> to <c>folder/partial.json</c> and returns its path.</summary>
    public static string Write(ImbalanceResults results, Shard shard, string folder)
    {
        var file = new PartialFile(Protocol, shard.Index, shard.Count, results.Experiment, results.DataName, [.. results.ClassNames], [.. results.ImbalancedCounts],
            [.. results.Runs.Select(r => new RunEntry(r.Method, r.Seed, r.Report.Classes, r.Report.Confusion(), r.Seconds))],
            [.. results.GeneratorFolders.Select(Path.GetFullPath)], [.. results.SampleGrids.Select(Path.GetFullPath)]);
        var path = Path.Combine(folder, FileName);
        ReportFile.WriteAllText(path, JsonSerializer.Serialize(file, Json));
        return path;
    }

    /// <summary>Whether <paramref name="path"/> is a partial result of this protocol.</summary>
    public static bool Is(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty(nameof(PartialFile.Protocol), out var p) && p.GetString() == Protocol;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Joins the partial results at <paramref name="paths"/>: one per shard of the same experiment,
    /// every shard present once. Throws <see cref="DataFormatException"/> naming the file otherwise.
    /// </summary>
    public static ImbalanceResults Merge(IReadOnlyList<string> paths)
    {
        var files = paths.Select(p => (Path: p, File: Read(p))).ToList();
        var (firstPath, first) = files[0];
        var experiment = JsonSerializer.Serialize(first.Experiment, Json);
        foreach (var (path, file) in files)
        {
            if (JsonSerializer.Serialize(file.Experiment, Json) != experiment || file.DataName != first.DataName)
                throw new DataFormatException($"{path}: a shard of another experiment than {firstPath} (data or settings differ)");
            if (file.ShardCount != first.ShardCount)
                throw new DataFormatException($"{path}: shard {file.ShardIndex} of {file.ShardCount}, but {firstPath} is one of {first.ShardCount}");
        }
        var seen = files.GroupBy(f => f.File.ShardIndex).ToList();
        if (seen.FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DataFormatException($"shard {twice.Key} of {first.ShardCount} is given twice: {string.Join(" and ", twice.Select(f => f.Path))}");
        var missing = Enumerable.Range(0, first.ShardCount).Except(seen.Select(g => g.Key)).ToList();
        if (missing.Count > 0)
            throw new DataFormatException($"shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} of {first.ShardCount} missing: merge needs the partial result of every shard");

        var e = first.Experiment;
        var order = e.Methods.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
        var runs = files.SelectMany(f => f.File.Runs.Select(r => (f.Path, Run: r)))
            .OrderBy(p => p.Run.Seed).ThenBy(p => order.GetValueOrDefault(p.Run.Method, int.MaxValue)).ToList();
        var expected = e.Seeds * e.Methods.Count;
        if (runs.Count != expected || runs.Select(p => (p.Run.Method, p.Run.Seed)).Distinct().Count() != expected)
            throw new DataFormatException($"the shards hold {runs.Count} classifiers for {expected} ({e.Methods.Count} methods x {e.Seeds} seeds): {string.Join(", ", paths)}");
        return new ImbalanceResults(e, first.DataName, first.ClassNames, first.ImbalancedCounts,
            [.. runs.Select(p => new ImbalanceRun(p.Run.Method, p.Run.Seed, Report(p.Path, p.Run), e.TargetClasses, p.Run.Seconds))],
            [.. files.SelectMany(f => f.File.GeneratorFolders)], [.. files.SelectMany(f => f.File.SampleGrids)]);
    }

    private static ClassificationReport Report(string path, RunEntry run)
    {
        try
        {
            return ClassificationReport.FromConfusion(run.Classes, run.Confusion);
        }
        catch (ArgumentException ex)
        {
            throw new DataFormatException($"{path}: {run.Method} at seed {run.Seed}: {ex.Message}");
        }
    }

    private static PartialFile Read(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize<PartialFile>(File.ReadAllText(path), Json)
                ?? throw new DataFormatException($"{path}: empty partial result");
            if (file.Protocol != Protocol) throw new DataFormatException($"{path}: a partial result of the {file.Protocol} protocol, not of {Protocol}");
            return file;
        }
        catch (JsonException ex)
        {
            throw new DataFormatException($"{path}: not a partial result ({ex.Message})");
        }
        catch (IOException ex)
        {
            throw new DataFormatException($"{path}: {ex.Message}");
        }
    }
}
