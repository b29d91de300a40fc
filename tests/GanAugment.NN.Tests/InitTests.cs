using GanAugment.Tensors;
using static GanAugment.NN.Tests.TestUtil;

namespace GanAugment.NN.Tests;

public class InitTests
{
    private static (double Mean, double Std, float Min, float Max) Stats(Tensor t)
    {
        var v = t.ToArray();
        var mean = v.Average(x => (double)x);
        var std = Math.Sqrt(v.Average(x => (x - mean) * (x - mean)));
        return (mean, std, v.Min(), v.Max());
    }

    [Fact]
    public void Gains_as_PyTorch()
    {
        Close(1, Init.CalculateGain(Nonlinearity.Linear));
        Close(1, Init.CalculateGain(Nonlinearity.Conv2d));
        Close(1, Init.CalculateGain(Nonlinearity.Sigmoid));
        Close(5 / 3.0, Init.CalculateGain(Nonlinearity.Tanh));
        Close(Math.Sqrt(2), Init.CalculateGain(Nonlinearity.Relu));
        Close(Math.Sqrt(2 / (1 + 0.01 * 0.01)), Init.CalculateGain(Nonlinearity.LeakyRelu));
        Close(Math.Sqrt(2 / 1.04), Init.CalculateGain(Nonlinearity.LeakyRelu, param: 0.2f));
        Close(0.75, Init.CalculateGain(Nonlinearity.Selu));
    }

    [Fact]
    public void Fans_of_linear_and_conv_weights()
    {
        Assert.Equal((3, 5), Init.Fans(Tensor.Zeros(5, 3)));
        // [Cout=8, Cin=4, 3, 3]: fan in 4·9, fan out 8·9.
        Assert.Equal((36, 72), Init.Fans(Tensor.Zeros(8, 4, 3, 3)));
        Assert.Throws<ArgumentException>(() => Init.Fans(Tensor.Zeros(4)));
    }

    [Fact]
    public void Normal_uniform_and_constants()
    {
        var rng = new Rng(1);
        var (mean, std, _, _) = Stats(Init.Normal_(Tensor.Zeros(20000), rng, mean: 1f, std: 0.02f));
        Close(1, mean, 1e-3);
        Close(0.02, std, 1e-3);
        var (_, _, min, max) = Stats(Init.Uniform_(Tensor.Zeros(20000), rng, low: -2f, high: 3f));
        Assert.True(min >= -2f && min < -1.99f && max < 3f && max > 2.99f);
        Assert.All(Init.Constant_(Tensor.Zeros(3), 0.5f).ToArray(), v => Assert.Equal(0.5f, v));
        Assert.All(Init.Ones_(Tensor.Zeros(3)).ToArray(), v => Assert.Equal(1f, v));
        Assert.All(Init.Zeros_(Tensor.Ones(3)).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Xavier_bounds_and_std()
    {
        // [200, 100]: uniform bound √(6/300) = 0.1414214; normal std √(2/300) = 0.0816497.
        var (_, _, min, max) = Stats(Init.XavierUniform_(Tensor.Zeros(200, 100), new Rng(2)));
        Assert.True(max <= 0.1414214f && max > 0.14f && min >= -0.1414214f && min < -0.14f);
        Close(0.0816497 * 2, Stats(Init.XavierNormal_(Tensor.Zeros(200, 100), new Rng(3), gain: 2f)).Std, 2e-3);
    }

    [Fact]
    public void Kaiming_bounds_and_std()
    {
        // Fan in 100, ReLU gain √2: std √2/10 = 0.1414214, uniform bound √3·std = 0.2449490.
        var (_, _, min, max) = Stats(Init.KaimingUniform_(Tensor.Zeros(300, 100), new Rng(4), nonlinearity: Nonlinearity.Relu));
        Assert.True(max <= 0.244949f && max > 0.24f && min >= -0.244949f);
        Close(0.1414214, Stats(Init.KaimingNormal_(Tensor.Zeros(300, 100), new Rng(5), nonlinearity: Nonlinearity.Relu)).Std, 2e-3);
        // Fan out 300: std √2/√300 = 0.0816497.
        Close(0.0816497, Stats(Init.KaimingNormal_(Tensor.Zeros(300, 100), new Rng(6), mode: FanMode.FanOut, nonlinearity: Nonlinearity.Relu)).Std, 1e-3);
        // a = √5 with leaky ReLU (the layers' default): bound 1/√fan_in = 0.1.
        Assert.True(Stats(Init.KaimingUniform_(Tensor.Zeros(300, 100), new Rng(7), a: MathF.Sqrt(5f))).Max is <= 0.1f and > 0.099f);
    }

    [Fact]
    public void Dcgan_init_draws_weights_around_0_and_batch_norm_weights_around_1()
    {
        var rng = new Rng(8);
        var net = new Sequential(new Linear(100, 200, rng), new BatchNorm1d(200), new LeakyReLU(negativeSlope: 0.2f), new Linear(200, 100, rng));
        Init.DcganInit(net, new Rng(9));
        var linear = (Linear)net[0];
        var bn = (BatchNorm1d)net[1];
        var (mean, std, _, _) = Stats(linear.Weight);
        Close(0, mean, 1e-3);
        Close(0.02, std, 1e-3);
        Assert.All(linear.Bias!.ToArray(), v => Assert.Equal(0f, v));
        (mean, std, _, _) = Stats(bn.Weight!);
        Close(1, mean, 5e-3);
        Close(0.02, std, 5e-3);
        Assert.All(bn.Bias!.ToArray(), v => Assert.Equal(0f, v));

        var again = new Sequential(new Linear(100, 200, new Rng(1)), new BatchNorm1d(200), new LeakyReLU(negativeSlope: 0.2f), new Linear(200, 100, new Rng(2)));
        Init.DcganInit(again, new Rng(9));
        Assert.Equal(net.StateDict()["3.weight"].ToArray(), again.StateDict()["3.weight"].ToArray());
    }

    [Fact]
    public void Dcgan_init_covers_convolutions_and_transposed_convolutions()
    {
        var rng = new Rng(10);
        var net = new Sequential(new ConvTranspose2d(64, 32, 4, rng), new BatchNorm2d(32), new ReLU(), new Conv2d(32, 64, 4, rng));
        Init.DcganInit(net, new Rng(11));
        foreach (var name in new[] { "0.weight", "3.weight" })
        {
            var (mean, std, _, _) = Stats(net.StateDict()[name]);
            Close(0, mean, 1e-3);
            Close(0.02, std, 1e-3);
        }
        Assert.All(net.StateDict()["0.bias"].ToArray(), v => Assert.Equal(0f, v));
        Assert.All(net.StateDict()["3.bias"].ToArray(), v => Assert.Equal(0f, v));
        Close(1, Stats(net.StateDict()["1.weight"]).Mean, 1e-2);
    }
}
