using GanAugment.Gans;
using GanAugment.Gans.Export;
using GanAugment.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Tensor = GanAugment.Tensors.Tensor;

namespace GanAugment.Cli.Commands.Sample;

/// <summary>
/// <c>sample --engine onnx</c>: the run's generator exported to ONNX in memory and run by ONNX
/// Runtime (CPU). The noise and condition are drawn as the native engine draws them
/// (<see cref="GanModel.DrawInputs"/>), so both engines make the same samples up to float rounding.
/// </summary>
internal sealed class OnnxEngine : IDisposable
{
    private readonly GanModel _model;
    private readonly GeneratorOnnx _generator;
    private readonly InferenceSession _session;

    private OnnxEngine(GanModel model, GeneratorOnnx generator, byte[] onnx)
    {
        _model = model;
        _generator = generator;
        _session = new InferenceSession(onnx);
    }

    /// <summary>The engine for <paramref name="model"/>, or a usage error when the model has no export.</summary>
    public static OnnxEngine For(GanModel model, string runPath)
    {
        var generator = model.OnnxGenerator()
            ?? throw Infrastructure.UsageException.For("--engine", $"{runPath} trained '{model.Name}', which has no ONNX export; use --engine native");
        return new OnnxEngine(model, generator, GeneratorExporter.ToOnnx(model));
    }

    /// <summary>Samples as <see cref="GanModel.Sample(int, Rng, Condition?)"/> makes them: [count, ..item shape].</summary>
    public Tensor Sample(int count, Rng rng, Condition? condition)
    {
        var (noise, drawn) = _model.DrawInputs(count, rng, condition);
        var inputs = _generator.Feed(noise, drawn).Select(f => f.FloatData is { } floats
            ? NamedOnnxValue.CreateFromTensor(f.Name, new DenseTensor<float>(floats, f.Shape))
            : NamedOnnxValue.CreateFromTensor(f.Name, new DenseTensor<long>(f.Int64Data!, f.Shape))).ToList();
        using var results = _session.Run(inputs);
        var output = results.Single(r => r.Name == GeneratorExporter.Output).AsTensor<float>();
        return Tensor.Wrap(output.ToArray(), output.Dimensions.ToArray());
    }

    public void Dispose() => _session.Dispose();
}
