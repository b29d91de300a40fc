using System.Globalization;

namespace GanAugment.Evaluation.Sharding;

/// <summary>
/// Part <see cref="Index"/> of <see cref="Count"/> of a protocol's work: the protocol lists its units
/// (a method at a seed, a shot count at a run) in a fixed order and shard i takes the i-th of
/// <see cref="Count"/> contiguous blocks, so units that share a generator tend to land in one shard.
/// Each shard writes a partial result; <c>ganaug evaluate merge</c> joins them into the table one
/// unsharded run gives.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The environment variables a cluster sets to a task's index: Kubernetes indexed Jobs, then Slurm job arrays.</summary>
    public static IReadOnlyList<string> IndexVariables { get; } = ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID"];

    /// <summary>The whole protocol in one process.</summary>
    public static Shard Whole { get; } = new(0, 1);

    public bool IsWhole => Count == 1;

    /// <summary>The units of this shard: the contiguous block [⌊i·U/n⌋, ⌊(i+1)·U/n⌋) of <paramref name="units"/>.</summary>
    public IReadOnlyList<T> Take<T>(IReadOnlyList<T> units)
    {
        var from = (int)((long)Index * units.Count / Count);
        var to = (int)((long)(Index + 1) * units.Count / Count);
        return [.. units.Skip(from).Take(to - from)];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>
    /// Parses <c>i/n</c> (shard i of n, from 0), or <c>n</c> alone, which takes i from the first of
    /// <see cref="IndexVariables"/> that is set (a Slurm index is taken relative to
    /// <c>SLURM_ARRAY_TASK_MIN</c>, so <c>--array=1-4</c> works as well as <c>0-3</c>).
    /// Throws <see cref="FormatException"/> with one line naming what is wrong.
    /// </summary>
    public static Shard Parse(string text, Func<string, string?> environment)
    {
        var parts = text.Trim().Split('/');
        if (parts.Length > 2 || !TryCount(parts[^1], out var count))
            throw new FormatException($"'{text}' is not a shard: give i/n (shard i of n, counting from 0) or n (the index from {string.Join(" or ", IndexVariables)})");
        int index;
        if (parts.Length == 2)
        {
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out index))
                throw new FormatException($"'{text}': the shard index '{parts[0]}' is not a whole number from 0");
        }
        else index = FromEnvironment(environment);
        if (index >= count) throw new FormatException($"shard {index} of {count} does not exist: indices run from 0 to {count - 1}");
        return new Shard(index, count);
    }

    private static int FromEnvironment(Func<string, string?> environment)
    {
        foreach (var name in IndexVariables)
        {
            if (environment(name) is not { Length: > 0 } value) continue;
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                throw new FormatException($"{name}={value} is not a task index");
            if (name == "SLURM_ARRAY_TASK_ID" && environment("SLURM_ARRAY_TASK_MIN") is { Length: > 0 } min
                && int.TryParse(min, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
                index -= first;
            return index;
        }
        throw new FormatException($"a shard count alone takes the index from {string.Join(" or ", IndexVariables)}, and neither is set: give i/n");
    }

    private static bool TryCount(string text, out int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1;
}
