using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.Evaluate;

/// <summary>The options and help of <c>ganaug evaluate samples</c>.</summary>
internal static class EvaluateCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory written by `ganaug train`");

    public static readonly Option<int> PerClass = CliOptions.Int("--per-class", "Generated samples per class", 1000, min: 1);

    public static readonly Option<string?> OldCount = CliOptions.Renamed("--count", "--per-class", "generated samples per class");

    public static readonly Option<int> ClassifierEpochs = CliOptions.Int("--classifier-epochs", "Epochs of domain-classifier training (when it is not cached)", 3, min: 1);

    public static readonly Option<int> ClassifierMaxSteps = CliOptions.Int("--classifier-max-steps", "Cap on classifier steps per epoch (0: whole epochs), for quick checks", 0, min: 0);

    public static readonly Option<string?> Checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint to evaluate (default: <run>/checkpoints/last.safetensors)",
        HelpName = "file",
    };

    public static readonly Option<ulong> Seed = CliOptions.Seed("Seed of the generated samples");

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels (default: all cores)", min: 1);

    public static readonly Command Samples = new("samples", """
        Judge a run's generator with a domain classifier (a small CNN trained on the real training
        images of the run's data set and cached under $GANAUG_DATA/classifiers): its test accuracy,
        the per-class accuracy of generated samples (conditional models), the classifier score and
        the Fréchet distance between real test and generated penultimate features. Writes
        <run>/evaluation.json and <run>/evaluation.md.

        Examples:
          ganaug evaluate samples runs/demo
          ganaug evaluate samples runs/demo --per-class 200 --classifier-epochs 1
        """)
    {
        Run, PerClass, OldCount, ClassifierEpochs, ClassifierMaxSteps, Checkpoint, Seed, Threads,
    };

    public static readonly Command Command = new("evaluate", "Evaluate what a run has learned (images, series or tables), or how much augmentation helps an imbalanced data set.")
    {
        Samples,
        EvaluateImbalance.EvaluateImbalanceCommandDefinition.Command,
        EvaluateSeries.EvaluateSeriesCommandDefinition.Command,
        EvaluateTable.EvaluateTableCommandDefinition.Command,
        EvaluateFeatures.EvaluateFeaturesCommandDefinition.Command,
        EvaluateClusters.EvaluateClustersCommandDefinition.Command,
        EvaluateFewShot.EvaluateFewShotCommandDefinition.Command,
        EvaluateMerge.EvaluateMergeCommandDefinition.Command,
    };
}
