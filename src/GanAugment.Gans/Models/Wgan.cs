using GanAugment.Gans.Options;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>WGAN options (Arjovsky et al. 2017, https://arxiv.org/abs/1701.07875, Algorithm 1 defaults).</summary>
public sealed record WganOptions
{
    public ConvNetOptions Net { get; init; } = new();
    public double LearningRate { get; init; } = 5e-5;
    /// <summary>Critic weights are clipped to [-c, c] after every critic update.</summary>
    public float Clip { get; init; } = 0.01f;
    public int CriticSteps { get; init; } = 5;

    public static OptionSchema<WganOptions> Schema { get; } = new OptionSchema<WganOptions>()
        .Include(ConvNetOptions.Schema, o => o.Net, (o, v) => o with { Net = v })
        .Double("learning-rate", "RMSprop's step size (--lr)", o => o.LearningRate, (o, v) => o with { LearningRate = v }, positive: true)
        .Float("clip", "critic weights are clipped to [-c, c] after every critic update", o => o.Clip, (o, v) => o with { Clip = v }, positive: true)
        .Int("critic-steps", "critic updates per generator update (n_critic)", o => o.CriticSteps, (o, v) => o with { CriticSteps = v }, min: 1);
}

/// <summary>
/// The original WGAN: critic loss E[D(x̃)] − E[D(x)], weight clipping, RMSprop, n_critic = 5,
/// generator loss −E[D(G(z))]. Conditional when asked (labels as in <c>cgan</c>).
/// </summary>
public sealed class Wgan : ConvGan
{
    private readonly WganOptions _options;
    private readonly RmsProp _optG;
    private readonly RmsProp _optD;

    public static ModelEntry<WganOptions> Entry { get; } = new("wgan",
        "Wasserstein GAN with weight clipping, RMSprop, n_critic 5 (conditional=true for labels)",
        [Modality.Images], WganOptions.Schema, new(), (s, o, r) => new Wgan((ImageSpec)s, o, r));

    public Wgan(ImageSpec spec, WganOptions options, Rng rng) : base(spec, options.Net, CriticNorm.Batch, rng)
    {
        _options = options;
        _optG = new RmsProp(G.Parameters(), lr: options.LearningRate);
        _optD = new RmsProp(D.Parameters(), lr: options.LearningRate);
    }

    public override string Name => "wgan";
    public override object Options => _options;
    public override int CriticSteps => _options.CriticSteps;

    public override StepLosses CriticStep(RealBatch real)
    {
        // ---- Critic: maximise E[D(x)] − E[D(x̃)], then clip its weights ----
        var fakeLabels = FakeLabels(real.Count);
        var fake = DetachedFakes(fakeLabels);
        var criticReal = Critic(real.X, real.Labels).Mean();
        var criticFake = Critic(fake, fakeLabels).Mean();
        var dLoss = Update(_optD, criticFake - criticReal);
        WeightClipping.Clamp_(D.Parameters(), _options.Clip);
        return new StepLosses().Add("d", dLoss).Add("wasserstein", criticReal.Item() - criticFake.Item());
    }

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        // ---- Generator: minimise −E[D(G(z))] ----
        var g = UpdateGenerator(_optG, batchSize, (fake, labels) => -Critic(fake, labels).Mean());
        return new StepLosses().Add("g", g);
    }

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];
}
