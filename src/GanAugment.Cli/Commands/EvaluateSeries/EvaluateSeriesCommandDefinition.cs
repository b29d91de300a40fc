using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.EvaluateSeries;

/// <summary>The options and help of <c>ganaug evaluate series</c>.</summary>
internal static class EvaluateSeriesCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory of a series model (rgan, rcgan) written by `ganaug train`");

    public static readonly Option<string?> Real = new("--real")
    {
        Description = "Real series to compare with: waves or sines (fresh draws, not the series the run trained on) or a series CSV in the run's long/wide form (default: the run's --data)",
        HelpName = "waves|sines|series.csv",
    };

    public static readonly Option<int> Count = CliOptions.Int("--count", "Generated series, and real series in each of the training and test halves (a CSV gives what it has, up to twice this)", 1000, min: 4);

    public static readonly Option<int> Permutations = CliOptions.Int("--permutations", "Random relabellings of the MMD permutation test", 200, min: 1);

    public static readonly Option<int> ClassifierEpochs = CliOptions.Int("--classifier-epochs", "Epochs of each post-hoc network (CNN classifiers, LSTM next-step predictors)", 10, min: 1);

    public static readonly Option<ulong> Seed = CliOptions.Seed("Seed of the generated series, the real draws and splits, the permutations and the post-hoc networks");

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "Output folder (default: <run>/evaluation-series)",
        HelpName = "dir",
    };

    public static readonly Option<string?> Checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint to evaluate (default: <run>/checkpoints/last.safetensors)",
        HelpName = "file",
    };

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels (default: all cores)", min: 1);

    public static readonly Command Command = new("series", """
        Judge a run's generator of series against real series, in the run's scaled space (each
        feature min-max scaled to [-1, 1] as the model sees it): MMD² (RBF kernel, median-distance
        bandwidth) with a permutation-test p-value, next to the MMD² between two real halves;
        TSTR and TRTS against TRTR with a 1-D CNN classifier of the class (labelled sets);
        TimeGAN's predictive score (next-step MAE on real of an LSTM trained on synthetic, vs on
        real) and discriminative score (|accuracy - 0.5| of the CNN telling real from synthetic on
        a held-out split); and a PCA plot of both sets. Writes evaluation.json, evaluation.md and
        pca.png into --out.

        Examples:
          ganaug evaluate series runs/waves
          ganaug evaluate series runs/waves --real waves --count 500 --seed 1
          ganaug evaluate series runs/prices --real held-out.csv --out runs/prices/eval
        """)
    {
        Run, Real, Count, Permutations, ClassifierEpochs, Seed, Out, Checkpoint, Threads,
    };
}
