using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.Sample;

/// <summary>The options and help of <c>ganaug sample</c>.</summary>
internal static class SampleCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory written by `ganaug train`");

    public static readonly Option<int> Count = CliOptions.Int("--count", "Number of samples in all (a total, not per class)", 64, min: 1);

    public static readonly Option<string?> Class = new("--class")
    {
        Description = "Class to sample, by name as the data set spells it (Sneaker, sawtooth, bad) or index (conditional models; default: every class in turn)",
        HelpName = "name|index",
    };

    public static readonly Option<IReadOnlyDictionary<string, string>> Where =
        CliOptions.KeyValues("--where", "Table runs: every row has this category of this discrete column, set through the model's conditional vector; series runs with static attributes: every series has this value of this attribute, the others drawn from real series of its class (repeatable)");

    public static readonly Option<string> Out = new("--out")
    {
        Description = "Where to write: a folder (one PNG per sample), file.idx (IDX gz images + labels next to it) or grid.png (one grid); for table runs file.csv, file.arff or file.parquet, for series runs file.csv",
        HelpName = "dir|file.idx|grid.png|file.csv|file.arff|file.parquet",
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

    public static readonly Option<string> Engine = new("--engine")
    {
        Description = "What runs the generator: native (GanAugment) or onnx (the generator exported to ONNX and run by ONNX Runtime; the same samples up to float rounding)",
        HelpName = "native|onnx",
        DefaultValueFactory = _ => "native",
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (text is not ("native" or "onnx")) r.AddError($"--engine takes native or onnx, got '{text}'");
            return text;
        },
    };

    public static readonly Option<ulong> Seed = CliOptions.Seed("Seed of the noise (and of the classes when none is asked for)");

    public static readonly Command Command = new("sample", """
        Generate images (or table rows, or series) with a trained run's generator.

        Examples:
          ganaug sample runs/demo --count 100 --out runs/demo/grid.png
          ganaug sample runs/demo --class 3 --count 500 --out fake/threes.idx
          ganaug sample runs/acgan-fashion --class Sneaker --count 100 --out fake/sneakers
          ganaug sample runs/demo --count 1000 --out fake/pngs --checkpoint runs/demo/checkpoints/epoch-0005.safetensors
          ganaug sample runs/credit --class bad --count 300 --where purpose=radio/tv --out bad.arff
          ganaug sample runs/infogan --code cat=3,c1=0.5 --count 16 --out threes.png
          ganaug sample runs/demo --engine onnx --count 100 --out runs/demo/grid-onnx.png
        """)
    {
        Run, Count, Class, Where, Code, Out, Checkpoint, Seed, Overwrite, Engine,
    };
}
