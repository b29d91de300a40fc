using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>WGAN-GP options (Gulrajani et al. 2017, https://arxiv.org/abs/1704.00028, Algorithm 1 defaults).</summary>
public sealed record WganGpOptions
{
    public int LatentDim { get; init; } = 100;
    public int Width { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-4;
    public double Beta1 { get; init; } = 0.5;
    public double Beta2 { get; init; } = 0.9;
    /// <summary>Penalty weight λ.</summary>
    public float Lambda { get; init; } = 10f;
    public int CriticSteps { get; init; } = 5;
    public bool Conditional { get; init; }
}

/// <summary>
/// WGAN with gradient penalty: critic loss E[D(x̃)] − E[D(x)] + λ·E[(‖∇D(x̂)‖ − 1)²], LayerNorm in
/// the critic instead of BatchNorm, Adam(1e-4, β = (0.5, 0.9)), n_critic = 5.
/// </summary>
public sealed class WganGp : ConvGan
{
    private readonly WganGpOptions _options;
    private readonly Adam _optG;
    private readonly Adam _optD;

    public WganGp(ImageSpec spec, WganGpOptions options, Rng rng)
        : base(spec, options.LatentDim, options.Width, options.Conditional, CriticNorm.Layer, rng)
    {
        if (options.CriticSteps < 1) throw new ArgumentOutOfRangeException(nameof(options), "--n-critic must be at least 1");
        _options = options;
        _optG = new Adam(G.Parameters(), lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2);
        _optD = new Adam(D.Parameters(), lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2);
    }

    public override string Name => "wgan-gp";
    public override object Options => _options;
    public override int CriticSteps => _options.CriticSteps;

    public override StepLosses CriticStep(Tensor real, int[] labels)
    {
        // ---- Critic: Wasserstein estimate plus the penalty at random interpolates ----
        var (fake, _) = DetachedFakes(real.Size(0));
        var criticReal = Critic(real, labels).Mean();
        var criticFake = Critic(fake, labels).Mean();
        // NOTE: fakes carry the real batch's labels so interpolates pair images of one class.
        var penalty = GradientPenalty.Compute(x => Critic(x, labels), real, fake, Rng, _options.Lambda);
        var dLoss = criticFake - criticReal + penalty;
        _optD.ZeroGrad();
        dLoss.Backward();
        _optD.Step();
        return new StepLosses().Add("d", dLoss.Item()).Add("wasserstein", criticReal.Item() - criticFake.Item()).Add("gp", penalty.Item());
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
