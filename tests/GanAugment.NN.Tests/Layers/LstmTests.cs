using GanAugment.Tensors;
using static GanAugment.NN.Tests.TestUtil;

namespace GanAugment.NN.Tests;

public class LstmTests
{
    private static LSTM OneByOne()
    {
        var lstm = new LSTM(1, 1, new Rng(1));
        var cell = lstm.Layers[0];
        // Distinct weights per gate so that a gate-order mistake shows.
        Set(cell.WeightIh, 1, 2, 3, 4);
        Set(cell.WeightHh, 0.1f, 0.2f, 0.3f, 0.4f);
        Set(cell.BiasIh!, 0.01f, 0.02f, 0.03f, 0.04f);
        Set(cell.BiasHh!, -0.1f, -0.2f, -0.3f, -0.4f);
        return lstm;
    }

    [Fact]
    public void One_step_in_gate_order_i_f_g_o()
    {
        // x = 0.5, h = 0.5, c = 1. Pre-activations w_ih·x + b_ih + w_hh·h + b_hh:
        // i: 0.5+0.01+0.05-0.1 = 0.46, f: 1+0.02+0.1-0.2 = 0.92, g: 1.5+0.03+0.15-0.3 = 1.38,
        // o: 2+0.04+0.2-0.4 = 1.84. c' = σ(0.92)·1 + σ(0.46)·tanh(1.38) = 0.7150 + 0.6130·0.8811
        // = 1.2550777; h' = σ(1.84)·tanh(1.2550777) = 0.8630·0.8496 = 0.7332487.
        var lstm = OneByOne();
        var state = (Tensor.Full(0.5f, 1, 1, 1), Tensor.Full(1f, 1, 1, 1));
        var (output, (h, c)) = lstm.Forward(Tensor.Full(0.5f, 1, 1, 1), state);
        Assert.Equal([1, 1, 1], output.ShapeArray);
        Close(0.7332487, output.Item());
        Close(0.7332487, h.Item());
        Close(1.2550777, c.Item());

        var (h1, c1) = lstm.Layers[0].Call(Tensor.Full(0.5f, 1, 1), (Tensor.Full(0.5f, 1, 1), Tensor.Ones(1, 1)));
        Close(0.7332487, h1.Item());
        Close(1.2550777, c1.Item());
    }

    [Fact]
    public void Steps_feed_the_state_forward_and_batch_first_matches_time_first()
    {
        var lstm = new LSTM(3, 4, new Rng(2), numLayers: 2);
        var x = Tensor.Randn(new Rng(3), [2, 5, 3]);
        var (output, (h, c)) = lstm.Call(x);
        Assert.Equal([2, 5, 4], output.ShapeArray);
        Assert.Equal([2, 2, 4], h.ShapeArray);
        Assert.Equal([2, 2, 4], c.ShapeArray);
        // The last output is the top layer's final h.
        Close(output.Narrow(1, 4, 1).ToArray(), h.Narrow(0, 1, 1), 1e-6);

        // Running the first 3 steps, then the last 2 from the returned state, gives the same outputs.
        var (head, state) = lstm.Call(x.Narrow(1, 0, 3));
        var (tail, _) = lstm.Forward(x.Narrow(1, 3, 2), state);
        Close(Tensor.Concat([head, tail], 1).ToArray(), output, 1e-6);

        var timeFirst = new LSTM(3, 4, new Rng(2), numLayers: 2, batchFirst: false);
        var (outputT, _) = timeFirst.Call(x.Permute(1, 0, 2));
        Close(output.Permute(1, 0, 2).ToArray(), outputT, 1e-6);
    }

    [Fact]
    public void Parameters_are_named_per_layer()
    {
        var names = new LSTM(2, 3, new Rng(4), numLayers: 2).NamedParameters().Select(p => p.Name).ToArray();
        Assert.Equal(["layers.0.weight_ih", "layers.0.weight_hh", "layers.0.bias_ih", "layers.0.bias_hh",
            "layers.1.weight_ih", "layers.1.weight_hh", "layers.1.bias_ih", "layers.1.bias_hh"], names);
    }

    [Fact]
    public void Init_is_uniform_within_one_over_sqrt_hidden()
    {
        var lstm = new LSTM(3, 16, new Rng(5));
        Assert.All(lstm.Parameters().SelectMany(p => p.ToArray()), v => Assert.InRange(v, -0.25f, 0.25f));
    }

    [Fact]
    public void Gradient_flows_through_time_to_the_first_step()
    {
        var lstm = new LSTM(2, 3, new Rng(6));
        var x = Leaf(7, 1, 6, 2);
        var (output, _) = lstm.Call(x);
        // A loss on the last step only: the first step reaches it through five recurrences.
        output.Narrow(1, 5, 1).Sum().Backward();
        var firstStep = x.Grad!.Narrow(1, 0, 1).ToArray();
        Assert.Contains(firstStep, v => Math.Abs(v) > 1e-6);
        Assert.All(lstm.Parameters(), p => Assert.NotNull(p.Grad));
    }

    [Fact]
    public void Gradients_match_finite_differences_through_time()
    {
        var lstm = new LSTM(2, 2, new Rng(8), numLayers: 2);
        var x = Leaf(9, 2, 3, 2);
        var h0 = Leaf(10, 2, 2, 2);
        var c0 = Leaf(11, 2, 2, 2);
        var cell = lstm.Layers[0];
        GradCheck.FirstOrder(() => lstm.Forward(x, (h0, c0)).Output, x, h0, c0, cell.WeightIh, cell.WeightHh, lstm.Layers[1].BiasHh!);
        GradCheck.FirstOrder(() => lstm.Forward(x, (h0, c0)).State.C, x, lstm.Layers[1].WeightIh);
    }
}
