using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.Augment;

/// <summary>The options and help of <c>ganaug augment</c>.</summary>
internal static class AugmentCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory of a conditional model (bagan, acgan, cgan, wgan/wgan-gp with conditional=true; table-wgan-gp or table-gan trained with a target)");

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "New folder for the augmented data set (never the input's folder); for a table run a file.csv, file.arff or file.parquet",
        HelpName = "dir|file",
    };

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data set to augment: a catalogue name, a folder of MNIST-layout IDX files or an image folder, or for a table run a table file or catalogue table with the run's columns (default: the run's data set as trained, --target-class cut included)",
        HelpName = "name|folder|file",
    };

    public static readonly Option<string?> DataPath = new("--path")
    {
        Description = "Folder that holds the files of the --data set",
        HelpName = "folder",
    };

    public static readonly Option<string?> Checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint to sample (default: <run>/checkpoints/last.safetensors)",
        HelpName = "file",
    };

    public static readonly Option<int?> UpTo = CliOptions.OptionalInt("--up-to", "Bring every class up to this many images, per class (default: balance, i.e. up to the largest class)", min: 1);

    public static readonly Option<string?> OldCount = CliOptions.Renamed("--count", "--up-to", "the number of images each class is brought up to");

    public static readonly Option<double?> Ratio = CliOptions.OptionalPositive("--ratio", "Bring every class up to this fraction of the largest class (e.g. 0.5)");

    public static readonly Option<string?> Classes = new("--classes")
    {
        Description = "Only augment these classes, by name or index, comma-separated (default: every class below the goal)",
        HelpName = "c[,c...]",
    };

    public static readonly Option<string> Format = new("--format")
    {
        Description = "idx (MNIST layout: train-*/t10k-* IDX files, grey images) or folder (train/<NN-class>/*.png and test/<NN-class>/*.png, readable as --data); a table run writes the format of --out",
        DefaultValueFactory = _ => "idx",
        HelpName = "idx|folder",
    };

    public static readonly Option<int?> PerImage = CliOptions.OptionalInt("--per-image", "With a model of image pairs (dagan): write N generated variants of every image (of --classes, if given) instead of rebalancing; works on classes the model never saw", min: 1);

    public static readonly Option<ulong> Seed = CliOptions.Seed("Seed of the generated samples");

    public static readonly Option<bool> Overwrite = new("--overwrite")
    {
        Description = "Replace --out if it already holds an earlier output (the input is never overwritten)",
    };

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels (default: all cores)", min: 1);

    public static readonly Command Command = new("augment", """
        Rebalance a data set with a trained conditional GAN: generate images of the
        under-represented classes until the set is balanced (or up to --up-to images per class, or --ratio), and
        write the augmented training set (and the unchanged test set) to a new folder with
        manifest.csv, which marks every synthetic image and the model that made it, and
        manifest.json (counts per class, source, input). A table run writes the real rows and
        the synthetic ones to one CSV or ARFF file in the input's columns, plus a last column
        'synthetic' (1 on generated rows), and prints rows per class before, added and after.

        Examples:
          ganaug augment runs/bagan-mnist --out data/mnist-balanced
          ganaug augment runs/bagan-mnist --data mnist --classes 0 --up-to 6000 --out data/mnist-0
          ganaug augment runs/acgan-fashion --ratio 0.5 --format folder --out data/fashion-half
          ganaug augment runs/credit --out credit-balanced.arff
          ganaug augment runs/thyroid --classes 1,2 --up-to 1000 --out thyroid-up.csv
          ganaug augment runs/dagan-mnist --data few-shot-folder --per-image 5 --format folder --out data/few-shot-x6
        """)
    {
        Run, Out, Data, DataPath, Checkpoint, UpTo, OldCount, Ratio, Classes, Format, Seed, Overwrite, Threads,
        PerImage,
    };
}
