using System.Globalization;

namespace GanAugment.Bench;

/// <summary>Command line of the benchmark program.</summary>
/// <param name="Json">Print one JSON object per case and line instead of a table.</param>
/// <param name="Threads">Engine thread count (null: leave the default).</param>
/// <param name="Filter">Run only cases whose name contains this (ordinal, case-insensitive).</param>
/// <param name="Runs">Timed runs per case after warm-up.</param>
/// <param name="List">Only list the case names.</param>
/// <param name="MemoryEvery">Instead of timing, run each case <paramref name="Runs"/> times and report memory every this many calls (see <see cref="MemoryTrace"/>).</param>
public sealed record BenchOptions(bool Json, int? Threads, string? Filter, int Runs, bool List, int? MemoryEvery = null)
{
    public const string Usage =
        "usage: GanAugment.Bench [--json] [--threads N] [--filter TEXT] [--runs N] [--list] [--memory-every K]";

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with one clear line on bad input.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(false, null, null, 50, false);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--json":
                    options = options with { Json = true };
                    break;
                case "--list":
                    options = options with { List = true };
                    break;
                case "--threads":
                    options = options with { Threads = PositiveInt(args, ++i, arg) };
                    break;
                case "--runs":
                    options = options with { Runs = PositiveInt(args, ++i, arg) };
                    break;
                case "--memory-every":
                    options = options with { MemoryEvery = PositiveInt(args, ++i, arg) };
                    break;
                case "--filter":
                    options = options with { Filter = Value(args, ++i, arg) };
                    break;
                default:
                    throw new FormatException($"unknown argument '{arg}'. {Usage}");
            }
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, int index, string name)
    {
        if (index >= args.Count)
        {
            throw new FormatException($"{name} needs a value. {Usage}");
        }

        return args[index];
    }

    private static int PositiveInt(IReadOnlyList<string> args, int index, string name)
    {
        string text = Value(args, index, name);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
        {
            throw new FormatException($"{name} needs a positive integer, got '{text}'.");
        }

        return value;
    }
}
