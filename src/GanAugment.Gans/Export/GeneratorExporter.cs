using System.Reflection;
using System.Text.Json;
using GanAugment.Data.Writers;
using GanAugment.NN.Onnx;

namespace GanAugment.Gans.Export;

/// <summary>
/// Writes a model's generator as an ONNX model (opset <see cref="OnnxGraph.Opset"/>): the inputs
/// the model declares (noise, label, source image, codes) with a dynamic batch dimension N, one
/// output "samples" [N, ..item shape] in the data's range, exactly what
/// <see cref="GanModel.SampleFrom"/> returns for the same inputs, and metadata_props: model,
/// options, data (the data spec as JSON: class names, table layout or series scaler), range,
/// inputs (how to draw each) and whatever the model adds.
/// </summary>
public static class GeneratorExporter
{
    /// <summary>The name of the output.</summary>
    public const string Output = "samples";

    /// <summary>Whether <paramref name="model"/> exports its generator.</summary>
    public static bool Supports(GanModel model) => model.OnnxGenerator() is not null;

    /// <summary>The ONNX ModelProto bytes of <paramref name="model"/>'s generator (its weights as they are now).</summary>
    public static byte[] ToOnnx(GanModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var generator = model.OnnxGenerator()
            ?? throw new NotSupportedException($"model '{model.Name}' has no ONNX export");
        var graph = new OnnxGraph(model.Name + "_generator");
        var inputs = generator.Inputs.Select(i => graph.Input(i.Name, i.Type, i.ItemShape, i.Description)).ToList();
        var output = generator.Build(graph, inputs);
        var shape = model.Spec.ItemShape;
        var reshaped = graph.Node("Reshape", [output, graph.Int64s("item_shape", [-1, .. shape.Select(d => (long)d)])]);
        graph.Output(reshaped, Output, OnnxType.Float, shape, $"generated items, values in {RangeText(model.Range)}");
        return graph.ToModel(Version(), $"{model.Name} generator exported by ganaug", Metadata(model, generator));
    }

    /// <summary>"[-1, 1]" or "[0, 1]".</summary>
    public static string RangeText(PixelRange range) => range == PixelRange.ZeroToOne ? "[0, 1]" : "[-1, 1]";

    private static IEnumerable<KeyValuePair<string, string>> Metadata(GanModel model, GeneratorOnnx generator)
    {
        var options = GanZoo.TryFind(model.Name)?.Values(model) ?? [];
        yield return new("model", model.Name);
        yield return new("options", JsonSerializer.Serialize(options.ToDictionary()));
        yield return new("modality", ModelEntry.Describe(model.Spec.Modality));
        yield return new("class_names", JsonSerializer.Serialize(model.Spec.ClassNames));
        yield return new("range", RangeText(model.Range));
        yield return new("item_shape", JsonSerializer.Serialize(model.Spec.ItemShape));
        yield return new("data", JsonSerializer.Serialize(model.Spec));
        yield return new("inputs", JsonSerializer.Serialize(generator.Inputs.ToDictionary(i => i.Name, i => i.Description)));
        foreach (var entry in generator.Metadata ?? []) yield return entry;
    }

    private static string Version() =>
        typeof(GeneratorExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
}
