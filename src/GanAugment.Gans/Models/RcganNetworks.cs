using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// RCGAN generator: per step t, h_t = LSTM([z_t, c], h_{t-1}) and x_t = tanh(W·h_t + b), with
/// z_t the step's noise (or one z repeated over time) and c the one-hot condition, given again at
/// every step. Input z [N, T, L] or [N, L]; condition [N, C] or null; output [N, T, F] in [-1, 1].
/// </summary>
internal sealed class RcganGenerator : Module<Tensor, Tensor?, Tensor>
{
    private readonly LSTM _lstm;
    private readonly Linear _output;
    private readonly int _length;

    public RcganGenerator(int latentDim, int classes, int hidden, int layers, int length, int features, Rng rng)
    {
        _lstm = new LSTM(latentDim + classes, hidden, rng, numLayers: layers);
        _output = new Linear(hidden, features, rng);
        _length = length;
    }

    public override Tensor Forward(Tensor z, Tensor? condition)
    {
        var noise = z.Rank == 2 ? RcganSteps.RepeatOverTime(z, _length) : z;
        var (h, _) = _lstm.Call(RcganSteps.WithCondition(noise, condition));
        return _output.Call(h).Tanh();
    }

    /// <summary>The forward in ONNX from noise [N, T, L] or [N, L] (<paramref name="perStep"/> false) and the one-hot condition [N, C] or null.</summary>
    public string ExportOnnx(OnnxModuleExporter e, string z, bool perStep, string? condition)
    {
        var noise = perStep ? z : RcganSteps.RepeatOverTime(e.Graph, z, _length);
        var steps = condition is null ? noise
            : e.Graph.Node("Concat", [noise, RcganSteps.RepeatOverTime(e.Graph, condition, _length)], OnnxAttribute.Int("axis", 2));
        return e.Graph.Node("Tanh", [e.Apply(_output, e.Lstm(_lstm, steps))]);
    }
}

/// <summary>
/// RCGAN discriminator: an LSTM reads [x_t, c] at every step and a linear layer gives one
/// real/fake logit per step. Input [N, T, F] and condition [N, C] or null; output logits [N, T].
/// </summary>
internal sealed class RcganDiscriminator : Module<Tensor, Tensor?, Tensor>
{
    private readonly LSTM _lstm;
    private readonly Linear _output;

    public RcganDiscriminator(int features, int classes, int hidden, int layers, Rng rng)
    {
        _lstm = new LSTM(features + classes, hidden, rng, numLayers: layers);
        _output = new Linear(hidden, 1, rng);
    }

    public override Tensor Forward(Tensor x, Tensor? condition)
    {
        var (h, _) = _lstm.Call(RcganSteps.WithCondition(x, condition));
        return _output.Call(h).Reshape(x.Size(0), x.Size(1));
    }
}

/// <summary>How RCGAN feeds a per-series vector to a recurrent network: the same vector at every step.</summary>
internal static class RcganSteps
{
    /// <summary>[N, D] → [N, T, D], the vector repeated at each of the T steps.</summary>
    public static Tensor RepeatOverTime(Tensor perSeries, int steps) =>
        perSeries.Unsqueeze(1).Expand(perSeries.Size(0), steps, perSeries.Size(1));

    /// <summary><see cref="RepeatOverTime(Tensor, int)"/> in ONNX: Unsqueeze to [N, 1, D], then Expand (broadcast) to [N, T, D].</summary>
    public static string RepeatOverTime(OnnxGraph graph, string perSeries, int steps) =>
        graph.Node("Expand", [graph.Node("Unsqueeze", [perSeries, graph.Int64s("axis_1", 1)]), graph.Int64s("over_time", 1, steps, 1)]);

    /// <summary>[N, T, D] and the condition [N, C] → [N, T, D + C]: the condition appended to every step's input.</summary>
    public static Tensor WithCondition(Tensor steps, Tensor? condition) =>
        condition is null ? steps : Tensor.Concat([steps, RepeatOverTime(condition, steps.Size(1))], 2);
}
