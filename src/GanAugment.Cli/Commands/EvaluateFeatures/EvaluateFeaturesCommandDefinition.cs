using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.EvaluateFeatures;

/// <summary>The options and help of <c>ganaug evaluate features</c>.</summary>
internal static class EvaluateFeaturesCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory of a model with an encoder (bigan, aae, infogan) written by `ganaug train`");

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data set, named as for `train --data` (default: the run's own data)",
        HelpName = "set",
    };

    public static readonly Option<int> TrainCount = CliOptions.Int("--train-count", "Training items the classifiers see, a seeded pick (0: all)", 0, min: 0);

    public static readonly Option<int> TestCount = CliOptions.Int("--test-count", "Test items, a seeded pick (0: all)", 0, min: 0);

    public static readonly Option<double> TestShare = new("--test-share")
    {
        Description = "For a table: the share of its rows held out for test (a seeded split)",
        DefaultValueFactory = _ => 0.3,
    };

    public static readonly Option<int> Epochs = CliOptions.Int("--logistic-epochs", "Epochs of the logistic regression (Adam, batch 128)", 20, min: 1);

    public static readonly Option<ulong> Seed = CliOptions.Seed("Seed of the picks, the table split and the logistic regression's shuffles");

    public static readonly Option<string?> Checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint to load (default: <run>/checkpoints/last.safetensors)",
        HelpName = "file",
    };

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels (default: all cores)", min: 1);

    public static readonly Command Command = new("features", """
        How useful a run's encoder features are: 1-nearest-neighbour and logistic-regression test
        accuracy on the inputs (pixels or encoded table rows), on the encoder's features, and on
        both side by side (feature-wise augmentation). Writes <run>/features.md.

        Examples:
          ganaug evaluate features runs/bigan
          ganaug evaluate features runs/aae-credit --test-share 0.3
        """)
    {
        Run, Data, TrainCount, TestCount, TestShare, Epochs, Seed, Checkpoint, Threads,
    };
}
