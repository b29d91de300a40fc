using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.Sample;

/// <summary>The options and help of <c>ganaug sample</c>.</summary>
internal static class SampleCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory written by `ganaug train`");

    public static readonly Option<int> Count = CliOptions.Int("--count", "Number of samples", 64, min: 1);

    public static readonly Option<int?> Class = CliOptions.OptionalInt("--class", "Class index to sample (conditional models; default: every class in turn)", min: 0);

    public static readonly Option<string> Out = new("--out")
    {
        Description = "Where to write: a folder (one PNG per sample), file.idx (IDX gz images + labels next to it) or grid.png (one grid); for table runs file.csv or file.arff, for series runs file.csv",
        HelpName = "dir|file.idx|grid.png|file.csv|file.arff",
        Required = true,
    };

    public static readonly Option<bool> Overwrite = new("--overwrite")
    {
        Description = "Write into an --out folder that is not empty, emptying it first",
    };

    public static readonly Option<string?> Checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint to load (default: <run>/checkpoints/last.safetensors)",
        HelpName = "file",
    };

    public static readonly Option<string?> Code = new("--code")
    {
        Description = "Fix latent codes (infogan): cat=<category>, c1=<value>, ...; the codes not given are drawn",
        HelpName = "name=value[,name=value...]",
    };

    public static readonly Option<ulong> Seed = CliOptions.Seed("Seed of the noise (and of the classes when none is asked for)");

    public static readonly Command Command = new("sample", """
        Generate images with a trained run's generator.

        Examples:
          ganaug sample runs/demo --count 100 --out runs/demo/grid.png
          ganaug sample runs/demo --class 3 --count 500 --out fake/threes.idx
          ganaug sample runs/demo --count 1000 --out fake/pngs --checkpoint runs/demo/checkpoints/epoch-0005.safetensors
          ganaug sample runs/infogan --code cat=3,c1=0.5 --count 16 --out threes.png
        """)
    {
        Run, Count, Class, Out, Checkpoint, Seed, Overwrite, Code,
    };
}
