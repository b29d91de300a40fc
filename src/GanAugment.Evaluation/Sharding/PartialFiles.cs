using System.Text.Json;
using System.Text.Json.Serialization;
using GanAugment.Data;
using GanAugment.Data.Writers;

namespace GanAugment.Evaluation.Sharding;

/// <summary>What every protocol's partial result says about itself: which protocol, which shard, and the experiment as JSON.</summary>
public interface IPartialFile
{
    string Protocol { get; }
    int ShardIndex { get; }
    int ShardCount { get; }

    /// <summary>The settings that must be the same in every shard of one experiment (data, options, seeds).</summary>
    string Fingerprint();
}

/// <summary>
/// The <c>partial.json</c> of a shard: written atomically, read back with one-line errors naming
/// the file, and checked as a set (one experiment, every shard once) before a protocol joins them.
/// </summary>
public static class PartialFiles
{
    public const string FileName = "partial.json";

    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>Writes <paramref name="file"/> to <c>folder/partial.json</c> and returns its path.</summary>
    public static string Write<T>(T file, string folder) where T : IPartialFile
    {
        var path = Path.Combine(folder, FileName);
        ReportFile.WriteAllText(path, JsonSerializer.Serialize(file, Json));
        return path;
    }

    /// <summary>The protocol a partial result belongs to (imbalance, table-imbalance, fewshot).</summary>
    public static string ProtocolOf(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty(nameof(IPartialFile.Protocol), out var p) && p.GetString() is { } name
                ? name
                : throw new DataFormatException($"{path}: not a partial result (no protocol)");
        }
        catch (JsonException e)
        {
            throw new DataFormatException($"{path}: not a partial result ({e.Message})");
        }
        catch (IOException e)
        {
            throw new DataFormatException($"{path}: {e.Message}");
        }
    }

    /// <summary>Reads the partial results at <paramref name="paths"/> and checks that they are every shard of one experiment, once each.</summary>
    public static IReadOnlyList<(string Path, T File)> ReadComplete<T>(IReadOnlyList<string> paths, string protocol) where T : IPartialFile
    {
        var files = paths.Select(p => (Path: p, File: Read<T>(p, protocol))).ToList();
        var (firstPath, first) = files[0];
        var fingerprint = first.Fingerprint();
        foreach (var (path, file) in files)
        {
            if (file.Fingerprint() != fingerprint)
                throw new DataFormatException($"{path}: a shard of another experiment than {firstPath} (data or settings differ)");
            if (file.ShardCount != first.ShardCount)
                throw new DataFormatException($"{path}: shard {file.ShardIndex} of {file.ShardCount}, but {firstPath} is one of {first.ShardCount}");
        }
        if (files.GroupBy(f => f.File.ShardIndex).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DataFormatException($"shard {twice.Key} of {first.ShardCount} is given twice: {string.Join(" and ", twice.Select(f => f.Path))}");
        var missing = Enumerable.Range(0, first.ShardCount).Except(files.Select(f => f.File.ShardIndex)).ToList();
        if (missing.Count > 0)
            throw new DataFormatException($"shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} of {first.ShardCount} missing: merge needs the partial result of every shard");
        return [.. files.OrderBy(f => f.File.ShardIndex)];
    }

    /// <summary>
    /// The classifiers of every shard of a methods × seeds protocol in the unsharded order (seed,
    /// then method), checked to be each (method, seed) once.
    /// </summary>
    internal static List<(string Path, TRun Run)> MethodsBySeed<TPart, TRun, TMethod>(IReadOnlyList<(string Path, TPart File)> files, Func<TPart, IEnumerable<TRun>> runsOf,
        Func<TRun, TMethod> method, Func<TRun, int> seed, IReadOnlyList<TMethod> methods, int seeds) where TMethod : notnull
    {
        var order = methods.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
        var runs = files.SelectMany(f => runsOf(f.File).Select(r => (f.Path, Run: r)))
            .OrderBy(p => seed(p.Run)).ThenBy(p => order.GetValueOrDefault(method(p.Run), int.MaxValue)).ToList();
        var expected = seeds * methods.Count;
        if (runs.Count != expected || runs.Select(p => (method(p.Run), seed(p.Run))).Distinct().Count() != expected)
            throw new DataFormatException($"the shards hold {runs.Count} classifiers for {expected} ({methods.Count} methods x {seeds} seeds): {string.Join(", ", files.Select(f => f.Path))}");
        return runs;
    }

    /// <summary>The JSON of a value as partial files write it (for fingerprints).</summary>
    internal static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static T Read<T>(string path, string protocol)
    {
        var found = ProtocolOf(path);
        if (found != protocol) throw new DataFormatException($"{path}: a partial result of the {found} protocol, not of {protocol}");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new DataFormatException($"{path}: empty partial result");
        }
        catch (JsonException e)
        {
            throw new DataFormatException($"{path}: not a partial result of {protocol} ({e.Message})");
        }
    }
}
