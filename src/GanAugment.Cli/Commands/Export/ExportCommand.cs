using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Writers;
using GanAugment.Gans;
using GanAugment.Gans.Export;
using GanAugment.Gans.Training;
using GanAugment.NN.Checkpoints;
using Def = GanAugment.Cli.Commands.Export.ExportCommandDefinition;

namespace GanAugment.Cli.Commands.Export;

/// <summary>
/// <c>ganaug export</c>: rebuilds the run's model, loads a checkpoint and writes its generator as
/// ONNX, every network's weights as HDF5, or the checkpoint itself as safetensors (each through a
/// temporary file).
/// </summary>
internal static class ExportCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var run = RunArgument.Open(parse.GetRequiredValue(Def.Run));
        var manifest = run.ReadManifest();
        var format = parse.GetValue(Def.Format)!;
        var outPath = Path.GetFullPath(parse.GetRequiredValue(Def.Out));
        var extensions = Def.Extensions[format];
        if (!extensions.Any(e => outPath.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            throw UsageException.For("--out", $"--format {format} is written to file{string.Join(" or file", extensions)}, got {outPath}");
        if (Directory.Exists(outPath)) throw UsageException.For("--out", $"{outPath} is a folder");
        var checkpoint = parse.GetValue(Def.Checkpoint);
        var model = RunArgument.LoadModel(run, manifest, checkpoint);
        var checkpointPath = Path.GetFullPath(checkpoint ?? run.LastCheckpoint);
        if (outPath == checkpointPath) throw UsageException.For("--out", $"refusing to write over the checkpoint {checkpointPath}");
        return format switch
        {
            "h5" => WriteHdf5(context, model, manifest, checkpointPath, outPath),
            "safetensors" => CopyCheckpoint(context, checkpointPath, outPath),
            _ => WriteOnnx(context, run, model, outPath),
        };
    }

    private static int WriteOnnx(CliContext context, RunDirectory run, GanModel model, string outPath)
    {
        if (!GeneratorExporter.Supports(model)) throw UsageException.For("<run>", $"{run.Path} trained '{model.Name}', which has no ONNX export");
        var generator = model.OnnxGenerator()!;
        AtomicFile.WriteAllBytes(outPath, GeneratorExporter.ToOnnx(model), createFolder: true);
        var inputs = string.Join(", ", generator.Inputs.Select(i => $"{i.Name} [{string.Join(", ", ["N", .. i.ItemShape.Select(d => d.ToString(CultureInfo.InvariantCulture))])}]"));
        context.Out.WriteLine($"wrote the {model.Name} generator to {outPath}: inputs {inputs}; output {GeneratorExporter.Output} [N, {string.Join(", ", model.Spec.ItemShape)}] in {GeneratorExporter.RangeText(model.Range)}");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Every network's tensors (the optimizer states left out) under their checkpoint names, and the
    /// run as root attributes: model, options (JSON), data, spec (JSON), epoch, step, checkpoint.
    /// </summary>
    private static int WriteHdf5(CliContext context, GanModel model, RunManifest manifest, string checkpointPath, string outPath)
    {
        var checkpoint = Checkpoint.Load(checkpointPath);
        var networks = model.Networks().Select(n => n.Name).ToArray();
        var tensors = networks
            .SelectMany(part => checkpoint.GetTensors(part).Select(t => (Name: $"{part}.{t.Key}", Tensor: t.Value)))
            .ToDictionary(t => t.Name, t => t.Tensor, StringComparer.Ordinal);
        var manifestJson = JsonNode.Parse(RunDirectory.Serialize(manifest))!;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["format"] = "ganaugment.weights.v1",
            ["model"] = model.Name,
            ["options"] = JsonSerializer.Serialize(manifest.ModelOptions),
            ["data"] = manifest.Data,
            ["spec"] = manifestJson["Spec"]!.ToJsonString(),
            ["networks"] = JsonSerializer.Serialize(networks),
            ["checkpoint"] = Path.GetFileName(checkpointPath),
        };
        foreach (var key in new[] { "epoch", "step", "phase" })
            if (checkpoint.Metadata.TryGetValue(key, out var value)) attributes[key] = value;
        Hdf5Weights.Save(outPath, tensors, attributes);
        var values = tensors.Values.Sum(t => (long)t.Numel);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {tensors.Count} tensors ({values} floats) of {model.Name}'s {string.Join(", ", networks)} from {Path.GetFileName(checkpointPath)} (epoch {attributes.GetValueOrDefault("epoch", "?")}) to {outPath}"));
        return ExitCodes.Success;
    }

    private static int CopyCheckpoint(CliContext context, string checkpointPath, string outPath)
    {
        AtomicFile.Write(outPath, stream =>
        {
            using var source = new FileStream(checkpointPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            source.CopyTo(stream);
        }, createFolder: true);
        context.Out.WriteLine($"copied {checkpointPath} to {outPath} ({new FileInfo(outPath).Length} bytes)");
        return ExitCodes.Success;
    }
}
