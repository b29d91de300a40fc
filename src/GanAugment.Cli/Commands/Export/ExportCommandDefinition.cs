using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.Export;

/// <summary>The options and help of <c>ganaug export</c>.</summary>
internal static class ExportCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory written by `ganaug train`");

    /// <summary>The formats and the file endings each is written to.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Extensions = new Dictionary<string, string[]>
    {
        ["onnx"] = [".onnx"],
        ["h5"] = [".h5", ".hdf5"],
        ["safetensors"] = [".safetensors"],
    };

    public static readonly Option<string> Format = new("--format")
    {
        Description = "What to write: onnx (the generator as an ONNX model, opset 17), h5 (every network's weights as HDF5 datasets, the run's options as attributes) or safetensors (a copy of the checkpoint)",
        HelpName = "onnx|h5|safetensors",
        DefaultValueFactory = _ => "onnx",
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (!Extensions.ContainsKey(text)) r.AddError($"--format takes onnx, h5 or safetensors, got '{text}'");
            return text;
        },
    };

    public static readonly Option<string> Out = new("--out")
    {
        Description = "The file to write (g.onnx, w.h5, w.safetensors)",
        HelpName = "file",
        Required = true,
    };

    public static readonly Option<string?> Checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint to export (default: <run>/checkpoints/last.safetensors)",
        HelpName = "file",
    };

    public static readonly Command Command = new("export", """
        Write a trained run's generator as an ONNX model that ONNX Runtime (CPU or GPU) or any ONNX
        server runs: named inputs (noise; label, condition, source or codes as the model takes)
        with a dynamic batch dimension N, one output "samples" [N, ..item shape] in the data's
        range, and metadata_props saying how to draw each input and how to read the output.
        --format h5 writes every network's tensors as HDF5 datasets named as in the checkpoint
        ("generator.noise_map.weight"), the run's model, options, data, spec and epoch as
        attributes; --format safetensors copies the checkpoint.

        Examples:
          ganaug export runs/demo --format onnx --out g.onnx
          ganaug export runs/demo --out g-epoch5.onnx --checkpoint runs/demo/checkpoints/epoch-0005.safetensors
          ganaug export runs/demo --format h5 --out w.h5
          ganaug export runs/demo --format safetensors --out w.safetensors
        """)
    {
        Run, Format, Out, Checkpoint,
    };
}
