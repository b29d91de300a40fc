using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// In-place weight initialisers (PyTorch <c>torch.nn.init</c>). Each writes the tensor's values
/// outside any graph and returns the same tensor. Fans follow PyTorch: for a weight of shape
/// [d0, d1, k...], fan in = d1·Πk and fan out = d0·Πk (so a transposed convolution's
/// [Cin, Cout, kh, kw] weight has fan in Cout·kh·kw, as in PyTorch).
/// </summary>
public static class Init
{
    /// <summary>Samples of N(mean, std²).</summary>
    public static Tensor Normal_(Tensor tensor, Rng rng, float mean = 0f, float std = 1f)
    {
        Check(tensor, rng);
        if (!(std >= 0f)) throw new ArgumentOutOfRangeException(nameof(std), $"normal std must be non-negative, got {std}");
        rng.FillNormal(tensor.AsSpan(), mean, std);
        return tensor;
    }

    /// <summary>Samples of U[low, high).</summary>
    public static Tensor Uniform_(Tensor tensor, Rng rng, float low = 0f, float high = 1f)
    {
        Check(tensor, rng);
        if (!(low <= high)) throw new ArgumentException($"uniform bounds must satisfy low <= high, got [{low}, {high})");
        rng.FillUniform(tensor.AsSpan(), low, high);
        return tensor;
    }

    public static Tensor Constant_(Tensor tensor, float value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        tensor.AsSpan().Fill(value);
        return tensor;
    }

    public static Tensor Zeros_(Tensor tensor) => Constant_(tensor, 0f);

    public static Tensor Ones_(Tensor tensor) => Constant_(tensor, 1f);

    /// <summary>
    /// Glorot and Bengio (2010), http://proceedings.mlr.press/v9/glorot10a.html: U(±gain·√(6 / (fan_in + fan_out))).
    /// </summary>
    public static Tensor XavierUniform_(Tensor tensor, Rng rng, float gain = 1f)
    {
        var (fanIn, fanOut) = Fans(tensor);
        var bound = gain * MathF.Sqrt(6f / (fanIn + fanOut));
        return Uniform_(tensor, rng, -bound, bound);
    }

    /// <summary>Glorot and Bengio (2010): N(0, (gain·√(2 / (fan_in + fan_out)))²).</summary>
    public static Tensor XavierNormal_(Tensor tensor, Rng rng, float gain = 1f)
    {
        var (fanIn, fanOut) = Fans(tensor);
        return Normal_(tensor, rng, 0f, gain * MathF.Sqrt(2f / (fanIn + fanOut)));
    }

    /// <summary>
    /// He et al. (2015), https://arxiv.org/abs/1502.01852: U(±√3·gain/√fan) with
    /// gain = <see cref="CalculateGain"/>(nonlinearity, a). PyTorch layers use a = √5 with the
    /// default leaky ReLU, which gives U(±1/√fan_in).
    /// </summary>
    public static Tensor KaimingUniform_(Tensor tensor, Rng rng, float a = 0f, FanMode mode = FanMode.FanIn, Nonlinearity nonlinearity = Nonlinearity.LeakyRelu)
    {
        var std = KaimingStd(tensor, a, mode, nonlinearity);
        var bound = MathF.Sqrt(3f) * std;
        return Uniform_(tensor, rng, -bound, bound);
    }

    /// <summary>He et al. (2015): N(0, (gain/√fan)²).</summary>
    public static Tensor KaimingNormal_(Tensor tensor, Rng rng, float a = 0f, FanMode mode = FanMode.FanIn, Nonlinearity nonlinearity = Nonlinearity.LeakyRelu) =>
        Normal_(tensor, rng, 0f, KaimingStd(tensor, a, mode, nonlinearity));

    /// <summary>
    /// The recommended gain for an activation (PyTorch <c>calculate_gain</c>): 1 for linear,
    /// convolutions and sigmoid, 5/3 for tanh, √2 for ReLU, √(2 / (1 + slope²)) for leaky ReLU
    /// (<paramref name="param"/> is the slope, default 0.01), 3/4 for SELU.
    /// </summary>
    public static float CalculateGain(Nonlinearity nonlinearity, float? param = null) => nonlinearity switch
    {
        Nonlinearity.Tanh => 5f / 3f,
        Nonlinearity.Relu => MathF.Sqrt(2f),
        Nonlinearity.LeakyRelu => MathF.Sqrt(2f / (1f + (param ?? 0.01f) * (param ?? 0.01f))),
        Nonlinearity.Selu => 3f / 4f,
        _ => 1f,
    };

    /// <summary>(fan in, fan out) of a weight of rank 2 or more, as PyTorch computes them.</summary>
    public static (int FanIn, int FanOut) Fans(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Rank < 2)
            throw new ArgumentException($"fan in and fan out need a tensor of rank 2 or more, got shape {ShapeUtil.Format(tensor.Shape)}");
        var receptive = 1;
        for (var i = 2; i < tensor.Rank; i++) receptive *= tensor.Size(i);
        return (tensor.Size(1) * receptive, tensor.Size(0) * receptive);
    }

    /// <summary>
    /// The initialisation PyTorch gives a fresh Linear or convolution: weight by Kaiming uniform
    /// with a = √5, bias U(±1/√fan_in).
    /// </summary>
    public static void DefaultLayer_(Tensor weight, Tensor? bias, Rng rng)
    {
        KaimingUniform_(weight, rng, a: MathF.Sqrt(5f));
        if (bias is null) return;
        var (fanIn, _) = Fans(weight);
        var bound = fanIn > 0 ? 1f / MathF.Sqrt(fanIn) : 0f;
        Uniform_(bias, rng, -bound, bound);
    }

    /// <summary>
    /// The DCGAN initialisation (Radford et al. 2016, https://arxiv.org/abs/1511.06434): every
    /// convolution, transposed convolution and Linear weight N(0, 0.02²), every batch-norm weight
    /// N(1, 0.02²), and their biases 0. Modules are visited in declaration order, so a seed
    /// repeats the result.
    /// </summary>
    public static Module DcganInit(Module module, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(rng);
        foreach (var m in module.Modules())
        {
            var (weight, bias, mean) = m switch
            {
                Linear l => (l.Weight, l.Bias, 0f),
                Conv2d c => (c.Weight, c.Bias, 0f),
                ConvTranspose2d t => (t.Weight, t.Bias, 0f),
                BatchNorm b => (b.Weight, b.Bias, 1f),
                _ => ((Tensor?)null, (Tensor?)null, 0f),
            };
            if (weight is not null) Normal_(weight, rng, mean, 0.02f);
            if (bias is not null) Zeros_(bias);
        }
        return module;
    }

    private static float KaimingStd(Tensor tensor, float a, FanMode mode, Nonlinearity nonlinearity)
    {
        var (fanIn, fanOut) = Fans(tensor);
        var fan = mode == FanMode.FanIn ? fanIn : fanOut;
        if (fan == 0) throw new ArgumentException($"Kaiming initialisation of a tensor with no elements, shape {ShapeUtil.Format(tensor.Shape)}");
        return CalculateGain(nonlinearity, a) / MathF.Sqrt(fan);
    }

    private static void Check(Tensor tensor, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(rng);
    }
}
