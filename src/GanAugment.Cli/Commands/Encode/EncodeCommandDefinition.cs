using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.Encode;

/// <summary>The options and help of <c>ganaug encode</c>.</summary>
internal static class EncodeCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory of a model with an encoder (bigan, aae, infogan) written by `ganaug train`");

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data set to encode, named as for `train --data` (default: the run's own data)",
        HelpName = "set",
    };

    public static readonly Option<string> Split = new("--split")
    {
        Description = "Which items of an image set: train or test (a table has its rows only: train)",
        HelpName = "train|test",
        DefaultValueFactory = _ => "train",
    };

    public static readonly Option<string> Out = new("--out")
    {
        Description = "features.csv (one row per item: f0..fN-1 and the class name) or features.npy ([N, F] float32, with the class indices in features.labels.npy)",
        HelpName = "file.csv|file.npy",
        Required = true,
    };

    public static readonly Option<bool> Overwrite = new("--overwrite") { Description = "Replace an existing --out file" };

    public static readonly Option<string?> Checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint to load (default: <run>/checkpoints/last.safetensors)",
        HelpName = "file",
    };

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels (default: all cores)", min: 1);

    public static readonly Command Command = new("encode", """
        Write the encoder's features of every item of a data set, with its label, for use by any
        other model (the survey seed's feature-wise augmentation).

        Examples:
          ganaug encode runs/bigan --out features.csv
          ganaug encode runs/aae --data mnist --split test --out test-codes.npy
        """)
    {
        Run, Data, Split, Out, Overwrite, Checkpoint, Threads,
    };
}
