using System.Globalization;
using GanAugment.Evaluation.Imbalance;

namespace GanAugment.Bench;

/// <summary>Command line of the benchmark program.</summary>
/// <param name="Json">Print one JSON object per case and line instead of a table.</param>
/// <param name="Threads">Engine thread count (null: leave the default).</param>
/// <param name="Filter">Run only cases whose name contains this (ordinal, case-insensitive).</param>
/// <param name="Runs">Timed runs per case after warm-up.</param>
/// <param name="List">Only list the case names.</param>
/// <param name="MemoryEvery">Instead of timing, run each case <paramref name="Runs"/> times and report memory every this many calls (see <see cref="MemoryTrace"/>).</param>
/// <param name="Classifier">Instead of timing, train the imbalance protocol's default classifier on this data set and print its test accuracy and wall time (see <see cref="ClassifierAccuracy"/>).</param>
/// <param name="AlsoTest">With <paramref name="Classifier"/>: also score on this data set's test part (e.g. the full MNIST test set for mnist-small).</param>
/// <param name="ClassifierSettings">With <paramref name="Classifier"/>: the classifier's options, the defaults unless <c>--width</c>, <c>--hidden</c> or <c>--epochs</c> change them.</param>
public sealed record BenchOptions(bool Json, int? Threads, string? Filter, int Runs, bool List, int? MemoryEvery = null, string? Classifier = null, string? AlsoTest = null,
    ClassifierOptions? ClassifierSettings = null)
{
    public const string Usage =
        "usage: GanAugment.Bench [--json] [--threads N] [--filter TEXT] [--runs N] [--list] [--memory-every K] | --classifier DATA [--also-test DATA] [--width N] [--hidden N] [--epochs N] [--threads N]";

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
                case "--classifier":
                    options = options with { Classifier = Value(args, ++i, arg) };
                    break;
                case "--also-test":
                    options = options with { AlsoTest = Value(args, ++i, arg) };
                    break;
                case "--width":
                    options = options with { ClassifierSettings = (options.ClassifierSettings ?? new()) with { Width = PositiveInt(args, ++i, arg) } };
                    break;
                case "--hidden":
                    options = options with { ClassifierSettings = (options.ClassifierSettings ?? new()) with { Hidden = PositiveInt(args, ++i, arg) } };
                    break;
                case "--epochs":
                    options = options with { ClassifierSettings = (options.ClassifierSettings ?? new()) with { Epochs = PositiveInt(args, ++i, arg) } };
                    break;
                case "--filter":
                    options = options with { Filter = Value(args, ++i, arg) };
                    break;
                default:
                    throw new FormatException($"unknown argument '{arg}'. {Usage}");
            }
        }

        if ((options.AlsoTest is not null || options.ClassifierSettings is not null) && options.Classifier is null)
        {
            throw new FormatException($"--also-test, --width, --hidden and --epochs need --classifier. {Usage}");
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
