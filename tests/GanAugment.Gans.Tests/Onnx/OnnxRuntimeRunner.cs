using GanAugment.Gans.Export;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GanAugment.Gans.Tests.Onnx;

/// <summary>Runs an exported generator in ONNX Runtime on the inputs the native generator was given.</summary>
internal static class OnnxRuntimeRunner
{
    public static (float[] Values, int[] Shape) Run(byte[] model, IReadOnlyList<GeneratorFeed> feeds)
    {
        using var session = new InferenceSession(model);
        var inputs = feeds.Select(f => f.FloatData is { } floats
            ? NamedOnnxValue.CreateFromTensor(f.Name, new DenseTensor<float>(floats, f.Shape))
            : NamedOnnxValue.CreateFromTensor(f.Name, new DenseTensor<long>(f.Int64Data!, f.Shape))).ToList();
        using var results = session.Run(inputs);
        var output = results.Single(r => r.Name == GeneratorExporter.Output).AsTensor<float>();
        return (output.ToArray(), output.Dimensions.ToArray());
    }

    /// <summary>Metadata of the exported model.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(byte[] model)
    {
        using var session = new InferenceSession(model);
        return session.ModelMetadata.CustomMetadataMap;
    }
}
