using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Tensor = GanAugment.Tensors.Tensor;

namespace GanAugment.Gans.Tests.Onnx;

/// <summary>The layer mappings that no generator of the zoo uses yet, checked on one small network in ONNX Runtime.</summary>
public class OnnxLayerTests
{
    [Fact]
    public void SameConvLayerNormDropoutAndSoftmaxMatchInEvalMode()
    {
        var rng = new Rng(2);
        var net = new Sequential(
            new Conv2d(3, 4, 2, rng, padding: Padding.Same), new LayerNorm([4, 4, 4], eps: 1e-3f), new LeakyReLU(0.1f),
            new Dropout(rng, p: 0.5f), new Upsample(2), new BatchNorm2d(4), new Flatten(), new Linear(256, 5, rng), new Softmax(1));
        // Non-trivial running statistics and affine parameters.
        foreach (var (name, t) in net.StateDict())
            if (name.Contains("running", StringComparison.Ordinal) || name.StartsWith("1.", StringComparison.Ordinal))
                Tensor.Rand(rng, t.ShapeArray, 0.5f, 1.5f).AsSpan().CopyTo(t.AsSpan());
        var graph = new OnnxGraph("layers");
        var x = graph.Input("x", OnnxType.Float, [3, 4, 4], "");
        graph.Output(new OnnxModuleExporter(graph, "net", net).Apply(net, x), "y", OnnxType.Float, [5], "");
        var input = Tensor.Randn(rng, [3, 3, 4, 4]);
        var expected = net.Evaluated(() => net.Call(input)).ToArray();

        using var session = new InferenceSession(graph.ToModel("test", "", []));
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(input.ToArray(), input.ShapeArray))]);
        var actual = results.Single().AsTensor<float>().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.True(Math.Abs(p.First - p.Second) <= OnnxRoundTrip.Tolerance, $"{p.First} vs {p.Second}"));
    }
}
