using GanAugment.Tensors;
using static GanAugment.NN.Tests.TestUtil;

namespace GanAugment.NN.Tests;

public class ActivationTests
{
    private static readonly Tensor X = Tensor.FromArray([-2f, -0.5f, 0f, 1.5f]);

    [Fact]
    public void ReLU_zeroes_negatives() => Close([0f, 0, 0, 1.5f], new ReLU().Call(X));

    [Fact]
    public void LeakyReLU_default_slope_is_001_and_named_slope_is_used()
    {
        Close([-0.02f, -0.005f, 0, 1.5f], new LeakyReLU().Call(X));
        Close([-0.4f, -0.1f, 0, 1.5f], new LeakyReLU(negativeSlope: 0.2f).Call(X));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLU(negativeSlope: 1f));
    }

    [Fact]
    public void Tanh_values()
    {
        // tanh(-2) = -0.9640276, tanh(-0.5) = -0.4621172, tanh(1.5) = 0.9051483.
        Close([-0.9640276f, -0.4621172f, 0f, 0.9051483f], new Tanh().Call(X));
    }

    [Fact]
    public void Sigmoid_values()
    {
        // 1/(1+e^2) = 0.1192029, 1/(1+e^0.5) = 0.3775407, 1/2, 1/(1+e^-1.5) = 0.8175745.
        Close([0.1192029f, 0.3775407f, 0.5f, 0.8175745f], new Sigmoid().Call(X));
    }

    [Fact]
    public void Softmax_along_the_given_dim()
    {
        // Rows [1, 2, 3]: e^k / (e + e² + e³) = 0.0900306, 0.2447285, 0.6652410; row [0, 0, 0]: 1/3 each.
        var y = new Softmax(dim: 1).Call(Tensor.FromArray([1f, 2, 3, 0, 0, 0], 2, 3));
        Close([0.0900306f, 0.2447285f, 0.6652410f, 1 / 3f, 1 / 3f, 1 / 3f], y);
        // Along dim 0 each column of [[1, 2, 3], [0, 0, 0]] gives e^a/(e^a+1).
        Close([0.7310586f, 0.8807971f, 0.9525741f, 0.2689414f, 0.1192029f, 0.0474259f],
            new Softmax(dim: 0).Call(Tensor.FromArray([1f, 2, 3, 0, 0, 0], 2, 3)));
    }

    [Fact]
    public void Flatten_joins_trailing_dims()
    {
        var y = new Flatten().Call(Tensor.Arange(0, 24).Reshape(2, 3, 2, 2));
        Assert.Equal([2, 12], y.ShapeArray);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (float)i).ToArray(), y.ToArray());
        Assert.Equal([1, 2, 12], new Flatten(startDim: 2).Call(Tensor.Zeros(1, 2, 3, 2, 2)).ShapeArray);
    }

    [Fact]
    public void Upsample_repeats_each_pixel()
    {
        // [[1, 2], [3, 4]] by 2 gives rows 1 1 2 2 / 1 1 2 2 / 3 3 4 4 / 3 3 4 4.
        var y = new Upsample(scaleFactor: 2).Call(Tensor.FromArray([1f, 2, 3, 4], 1, 1, 2, 2));
        Assert.Equal([1, 1, 4, 4], y.ShapeArray);
        Assert.Equal([1f, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4], y.ToArray());
    }

    [Fact]
    public void Activations_have_no_parameters()
    {
        Module[] layers = [new ReLU(), new LeakyReLU(), new Tanh(), new Sigmoid(), new Softmax(1), new Flatten(), new Upsample(2)];
        Assert.All(layers, m => Assert.Empty(m.StateDict()));
    }

    [Fact]
    public void Sequential_chains_in_order()
    {
        var net = new Sequential(new LeakyReLU(negativeSlope: 0.5f), new Tanh());
        // leaky(-2) = -1, tanh(-1) = -0.7615942.
        Close([-0.7615942f], net.Call(Tensor.FromArray([-2f])));
        Assert.Equal(2, net.Count);
    }
}
