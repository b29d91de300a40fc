using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.EvaluateFewShot;

/// <summary>The options and help of <c>ganaug evaluate fewshot</c>.</summary>
internal static class EvaluateFewShotCommandDefinition
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Image set whose held-out classes the classifiers learn: a catalogue name (mnist, fashion-mnist, omniglot, ...) or an image folder (one sub-folder per class)",
        HelpName = "name|folder",
    };

    public static readonly Option<string?> DataPath = new("--path")
    {
        Description = "Folder that holds the files of the --data set",
        HelpName = "folder",
    };

    public static readonly Option<string?> Gan = new("--gan")
    {
        Description = "Run directory of a model of image pairs (dagan) for the GAN arm (without it: none and classic only)",
        HelpName = "run dir",
    };

    public static readonly Option<string?> Checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint of --gan (default: <run>/checkpoints/last.safetensors)",
        HelpName = "file",
    };

    public static readonly Option<string?> TestClasses = new("--test-classes")
    {
        Description = "The few-shot classes: a count N (the last N classes), or names, indices and ranges (5-9); default: the --gan run's held-out classes",
        HelpName = "N|a-b|names",
    };

    public static readonly Option<string> Shots = new("--shots")
    {
        Description = "Shot counts k (training images per class): a range or a list",
        HelpName = "a-b|k,k",
        DefaultValueFactory = _ => "1-5",
    };

    public static readonly Option<int> Runs = CliOptions.Int("--runs", "Runs per shot count, each with its own draw of the k images per class", 10, min: 2);

    public static readonly Option<int> Epochs = CliOptions.Int("--epochs", "Classifier epochs over the support images (the seed: 200)", 200, min: 1);

    public static readonly Option<int> BatchSize = CliOptions.Int("--batch-size", "Classifier batch (at most the support size)", 32, min: 1);

    public static readonly Option<int> AugmentEvery = CliOptions.Int("--augment-every", "One batch in N goes through the augmentation (2: every other batch, as the seed)", 2, min: 1);

    public static readonly Option<int?> QueryPerClass = CliOptions.OptionalInt("--query-per-class", "Images per class the classifiers are scored on (default: every other image of the class)", min: 1);

    public static readonly Option<int> Growth = CliOptions.Int("--growth", "Classifier DenseNet growth rate", 16, min: 1);

    public static readonly Option<int> Layers = CliOptions.Int("--layers-per-block", "Conv layers per classifier dense block", 3, min: 1);

    public static readonly Option<int> Blocks = CliOptions.Int("--blocks", "Classifier dense blocks", 4, min: 1);

    public static readonly Option<int> Hidden = CliOptions.Int("--hidden", "Units of the classifier's first dense layer", 64, min: 1);

    public static readonly Option<ulong> Seed = CliOptions.Seed("Seed of the draws of shots, the classifiers' weights and batches, and the augmentations");

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "Output folder for fewshot_runs.csv, fewshot.csv and fewshot.md",
        HelpName = "dir",
    };

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels (default: all cores)", min: 1);

    public static readonly Option<string?> Shard = CliOptions.Shard();

    public static readonly Command Command = new("fewshot", """
        DAGAN's few-shot protocol: for each shot count k and each run, draw k training images of
        every few-shot class (the rest of each class is the test set) and train the same DenseNet
        classifier (4 blocks of 3 conv layers, growth 16; pooled features plus a real/generated
        flag, then 2 dense layers; Adam, cross-entropy) for the same number of steps three ways:
        no augmentation, classic augmentation (flip, shift, noise) and the GAN of --gan on one
        batch in --augment-every. Images stay at their own size (the seed upsampled to 224x224
        for a GPU). Reports mean ± std accuracy per arm, Welch's t-test p against no augmentation
        and the one-sided confidence that the arm is better, in fewshot.md and CSV files.

        Examples:
          ganaug evaluate fewshot --data mnist --gan runs/dagan-mnist --out runs/fewshot-mnist
          ganaug evaluate fewshot --data mnist --test-classes 5-9 --shots 1-5 --runs 3 --epochs 20 --out runs/fs
        """)
    {
        Data, DataPath, Gan, Checkpoint, TestClasses, Shots, Runs, Epochs, BatchSize, AugmentEvery, QueryPerClass,
        Growth, Layers, Blocks, Hidden, Seed, Out, Threads, Shard,
    };
}
