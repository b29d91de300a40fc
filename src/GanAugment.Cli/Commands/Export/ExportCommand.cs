using System.CommandLine;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Writers;
using GanAugment.Gans.Export;
using Def = GanAugment.Cli.Commands.Export.ExportCommandDefinition;

namespace GanAugment.Cli.Commands.Export;

/// <summary><c>ganaug export</c>: rebuilds the run's model, loads a checkpoint and writes its generator as ONNX (through a temporary file).</summary>
internal static class ExportCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var run = RunArgument.Open(parse.GetRequiredValue(Def.Run));
        var manifest = run.ReadManifest();
        var outPath = Path.GetFullPath(parse.GetRequiredValue(Def.Out));
        if (!outPath.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
            throw UsageException.For("--out", $"an ONNX model is written to file.onnx, got {outPath}");
        if (Directory.Exists(outPath)) throw UsageException.For("--out", $"{outPath} is a folder");
        var model = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
        if (!GeneratorExporter.Supports(model)) throw UsageException.For("<run>", $"{run.Path} trained '{model.Name}', which has no ONNX export");
        var generator = model.OnnxGenerator()!;
        AtomicFile.WriteAllBytes(outPath, GeneratorExporter.ToOnnx(model), createFolder: true);
        var inputs = string.Join(", ", generator.Inputs.Select(i => $"{i.Name} [{string.Join(", ", ["N", .. i.ItemShape.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))])}]"));
        context.Out.WriteLine($"wrote the {model.Name} generator to {outPath}: inputs {inputs}; output {GeneratorExporter.Output} [N, {string.Join(", ", model.Spec.ItemShape)}] in {GeneratorExporter.RangeText(model.Range)}");
        return ExitCodes.Success;
    }
}
