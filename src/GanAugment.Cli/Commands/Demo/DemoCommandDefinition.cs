using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.Demo;

/// <summary>The options and help of <c>ganaug demo</c>.</summary>
internal static class DemoCommandDefinition
{
    public static readonly Option<string> Out = new("--out")
    {
        Description = "Output folder",
        DefaultValueFactory = _ => Path.Combine("runs", "demo-bagan"),
        HelpName = "dir",
    };

    public static readonly Option<int> Seeds = CliOptions.Int("--seeds", "Classifiers trained per method", 5, min: 2);

    public static readonly Option<int> Epochs = CliOptions.Int("--epochs", "BAGAN epochs (autoencoder, then adversarial)", 2, min: 1);

    public static readonly Option<string?> DataPath = new("--path")
    {
        Description = "Folder of the mnist-small files (default: the copy bundled in data/mnist-small)",
        HelpName = "folder",
    };

    public static readonly Option<bool> NoTensorBoard = new("--no-tensorboard")
    {
        Description = "The BAGAN run writes no TensorBoard event files (tb/)",
    };

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels (default: all cores)", min: 1);

    public static readonly Option<int> GridScale = CliOptions.Int("--grid-scale",
        "Whole factor from 1 to 16 by which the synthetic-sample grids enlarge each image (nearest neighbour; 2 shows 28-pixel digits at 56)",
        GanAugment.Evaluation.Imbalance.ImbalanceExperiment.DefaultGridScale, min: 1);

    public static readonly Command Command = new("demo", """
        BAGAN in a few minutes: the bundled MNIST subset (1,000 training images per digit) with
        digit 0 cut to 5 %, a small BAGAN trained on it, and a classifier trained on Plain (the
        imbalanced set), SMOTE and BAGAN-rebalanced sets over 5 seeds, scored on the real test
        set. Ends with the table, the verdict and the paths of the grids. The same protocol on
        full data sets, with all six methods: `ganaug evaluate imbalance`.

        Examples:
          ganaug demo
          ganaug demo --out runs/demo2 --epochs 3
        """)
    {
        Out, Seeds, Epochs, DataPath, NoTensorBoard, Threads,
        GridScale,
    };
}
