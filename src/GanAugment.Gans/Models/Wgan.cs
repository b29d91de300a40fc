using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>WGAN options (Arjovsky et al. 2017, https://arxiv.org/abs/1701.07875, Algorithm 1 defaults).</summary>
public sealed record WganOptions
{
    public int LatentDim { get; init; } = 100;
    public int Width { get; init; } = 64;
    public double LearningRate { get; init; } = 5e-5;
    /// <summary>Critic weights are clipped to [-c, c] after every critic update.</summary>
    public float Clip { get; init; } = 0.01f;
    public int CriticSteps { get; init; } = 5;
    public bool Conditional { get; init; }
}

/// <summary>
/// The original WGAN: critic loss E[D(x̃)] − E[D(x)], weight clipping, RMSprop, n_critic = 5,
/// generator loss −E[D(G(z))]. Conditional when asked (labels as in <see cref="Cgan"/>).
/// </summary>
public sealed class Wgan : ConvGan
{
    private readonly WganOptions _options;
    private readonly RmsProp _optG;
    private readonly RmsProp _optD;

    public Wgan(ImageSpec spec, WganOptions options, Rng rng)
        : base(spec, options.LatentDim, options.Width, options.Conditional, CriticNorm.Batch, rng)
    {
        if (options.CriticSteps < 1) throw new ArgumentOutOfRangeException(nameof(options), "--n-critic must be at least 1");
        _options = options;
        _optG = new RmsProp(G.Parameters(), lr: options.LearningRate);
        _optD = new RmsProp(D.Parameters(), lr: options.LearningRate);
    }

    public override string Name => "wgan";
    public override object Options => _options;
    public override int CriticSteps => _options.CriticSteps;

    public override StepLosses CriticStep(Tensor real, int[] labels)
    {
        // ---- Critic: maximise E[D(x)] − E[D(x̃)], then clip its weights ----
        var (fake, fakeLabels) = DetachedFakes(real.Size(0));
        var criticReal = Critic(real, labels).Mean();
        var criticFake = Critic(fake, fakeLabels).Mean();
        var dLoss = criticFake - criticReal;
        _optD.ZeroGrad();
        dLoss.Backward();
        _optD.Step();
        WeightClipping.Clamp_(D.Parameters(), _options.Clip);
        return new StepLosses().Add("d", dLoss.Item()).Add("wasserstein", criticReal.Item() - criticFake.Item());
    }

    public override StepLosses GeneratorStep(int batchSize)
    {
        // ---- Generator: minimise −E[D(G(z))] ----
        var g = UpdateGenerator(_optG, () =>
        {
            var labels = FakeLabels(batchSize);
            return -Critic(Generate(Noise(batchSize), labels), labels).Mean();
        });
        return new StepLosses().Add("g", g);
    }

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];
}
