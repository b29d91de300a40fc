using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.Export;

/// <summary>The options and help of <c>ganaug export</c>.</summary>
internal static class ExportCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory written by `ganaug train`");

    public static readonly Option<string> Format = new("--format")
    {
        Description = "What to write: onnx (the generator as an ONNX model, opset 17)",
        HelpName = "onnx",
        DefaultValueFactory = _ => "onnx",
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (text != "onnx") r.AddError($"--format takes onnx, got '{text}'");
            return text;
        },
    };

    public static readonly Option<string> Out = new("--out")
    {
        Description = "The file to write (g.onnx)",
        HelpName = "file.onnx",
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

        Examples:
          ganaug export runs/demo --format onnx --out g.onnx
          ganaug export runs/demo --out g-epoch5.onnx --checkpoint runs/demo/checkpoints/epoch-0005.safetensors
        """)
    {
        Run, Format, Out, Checkpoint,
    };
}
