using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans.Export;

/// <summary>
/// A model's generator as ONNX: its named inputs and <see cref="Build"/>, which adds the nodes
/// from those inputs (in order) to the generator's output; <see cref="GeneratorExporter"/> adds the
/// final reshape to [N, ..item shape], the output and the metadata. Each model returns one from
/// <see cref="GanModel.OnnxGenerator"/>, in its own file.
/// </summary>
/// <param name="Metadata">What a user of the file needs beyond the graph (how to draw the inputs), as metadata_props.</param>
public sealed record GeneratorOnnx(
    IReadOnlyList<GeneratorInput> Inputs,
    Func<OnnxGraph, IReadOnlyList<string>, string> Build,
    IReadOnlyList<KeyValuePair<string, string>>? Metadata = null)
{
    /// <summary>The values of the inputs for the noise and condition that the native generator is given.</summary>
    public IReadOnlyList<GeneratorFeed> Feed(Tensor noise, Condition condition) =>
        [.. Inputs.Select(i => i.Feed(noise, condition))];
}

/// <summary>A named input [N, ..<paramref name="ItemShape"/>] and how to fill it from the generator's noise and condition.</summary>
public sealed record GeneratorInput(string Name, OnnxType Type, int[] ItemShape, string Description, Func<Tensor, Condition, GeneratorFeed> Feed)
{
    /// <summary>"noise" [N, latent] (float), the noise tensor as drawn; <paramref name="distribution"/> says how, for the file's users.</summary>
    public static GeneratorInput Noise(int latentDim, string distribution = "N(0, 1)") =>
        new("noise", OnnxType.Float, [latentDim], $"noise, each value drawn from {distribution}", (z, _) => GeneratorFeed.Floats("noise", z));

    /// <summary>"label" [N] (int64), a class index per sample: the <see cref="LabelCondition"/>'s, or those <paramref name="labels"/> takes from the model's own condition.</summary>
    public static GeneratorInput Label(int classes, Func<Condition, int[]>? labels = null) =>
        new("label", OnnxType.Int64, [], $"class index per sample, 0..{classes - 1} (class_names in the metadata)", (_, c) =>
            GeneratorFeed.Int64s("label", [.. (labels ?? (c => ((LabelCondition)c).Labels))(c).Select(y => (long)y)]));
}

/// <summary>The value of one input: float or int64 data of shape <paramref name="Shape"/>.</summary>
public sealed record GeneratorFeed(string Name, int[] Shape, float[]? FloatData, long[]? Int64Data)
{
    public static GeneratorFeed Floats(string name, Tensor t) => new(name, t.ShapeArray, t.ToArray(), null);

    public static GeneratorFeed Int64s(string name, long[] values) => new(name, [values.Length], null, values);
}
