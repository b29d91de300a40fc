using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>DCGAN options (Radford et al. 2016, https://arxiv.org/abs/1511.06434, §3-4).</summary>
public sealed record DcganOptions
{
    public int LatentDim { get; init; } = 100;
    /// <summary>Feature maps of the widest-resolution layer (ngf = ndf).</summary>
    public int Width { get; init; } = 64;
    public double LearningRate { get; init; } = 2e-4;
    public double Beta1 { get; init; } = 0.5;
    public double Beta2 { get; init; } = 0.999;
}

/// <summary>Unconditional DCGAN with the standard (non-saturating) GAN loss.</summary>
public sealed class Dcgan : ConvGan
{
    private readonly DcganOptions _options;
    private readonly Adam _optG;
    private readonly Adam _optD;

    public Dcgan(ImageSpec spec, DcganOptions options, Rng rng) : this(spec, options, conditional: false, rng) { }

    internal Dcgan(ImageSpec spec, DcganOptions options, bool conditional, Rng rng)
        : base(spec, options.LatentDim, options.Width, conditional, CriticNorm.Batch, rng)
    {
        _options = options;
        _optG = new Adam(G.Parameters(), lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2);
        _optD = new Adam(D.Parameters(), lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2);
    }

    public override string Name => IsConditional ? "cgan" : "dcgan";
    public override object Options => _options;

    public override StepLosses CriticStep(Tensor real, int[] labels)
    {
        var n = real.Size(0);
        // ---- D: real towards 1, generated towards 0 (one update on both halves) ----
        var (fake, fakeLabels) = DetachedFakes(n);
        var dReal = Losses.BinaryCrossEntropyWithLogits(Critic(real, labels), Tensor.Ones(n, 1));
        var dFake = Losses.BinaryCrossEntropyWithLogits(Critic(fake, fakeLabels), Tensor.Zeros(n, 1));
        _optD.ZeroGrad();
        (dReal + dFake).Backward();
        _optD.Step();
        return new StepLosses().Add("d_real", dReal.Item()).Add("d_fake", dFake.Item());
    }

    public override StepLosses GeneratorStep(int batchSize)
    {
        // ---- G: non-saturating loss -log D(G(z)), D frozen ----
        var g = UpdateGenerator(_optG, () =>
        {
            var labels = FakeLabels(batchSize);
            return Losses.BinaryCrossEntropyWithLogits(Critic(Generate(Noise(batchSize), labels), labels), Tensor.Ones(batchSize, 1));
        });
        return new StepLosses().Add("g", g);
    }

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];
}
