using GanAugment.Gans.Options;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>WGAN-GP options (Gulrajani et al. 2017, https://arxiv.org/abs/1704.00028, Algorithm 1 defaults).</summary>
public sealed record WganGpOptions
{
    public ConvNetOptions Net { get; init; } = new();
    public AdamOptions Adam { get; init; } = new(LearningRate: 1e-4, Beta1: 0.5, Beta2: 0.9);
    /// <summary>Penalty weight λ.</summary>
    public float Lambda { get; init; } = 10f;
    public int CriticSteps { get; init; } = 5;

    public static OptionSchema<WganGpOptions> Schema { get; } = new OptionSchema<WganGpOptions>()
        .Include(ConvNetOptions.Schema, o => o.Net, (o, v) => o with { Net = v })
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v })
        .Float("lambda", "weight λ of the gradient penalty", o => o.Lambda, (o, v) => o with { Lambda = v })
        .Int("critic-steps", "critic updates per generator update (n_critic)", o => o.CriticSteps, (o, v) => o with { CriticSteps = v }, min: 1);
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

    public static ModelEntry<WganGpOptions> Entry { get; } = new("wgan-gp",
        "WGAN with gradient penalty (lambda 10), Adam(1e-4, 0.5, 0.9), n_critic 5 (conditional=true for labels)",
        [Modality.Images], WganGpOptions.Schema, new(), (s, o, r) => new WganGp((ImageSpec)s, o, r));

    public WganGp(ImageSpec spec, WganGpOptions options, Rng rng) : base(spec, options.Net, CriticNorm.Layer, rng)
    {
        _options = options;
        _optG = options.Adam.Create(G.Parameters());
        _optD = options.Adam.Create(D.Parameters());
    }

    public override string Name => "wgan-gp";
    public override object Options => _options;
    public override int CriticSteps => _options.CriticSteps;

    public override StepLosses CriticStep(RealBatch real)
    {
        // ---- Critic: Wasserstein estimate plus the penalty at random interpolates ----
        // NOTE: the fakes are made for the real batch's labels, so that real, fake and their
        // interpolate share a label and the critic sees each fake with the label it was made for.
        var labels = Net.Conditional ? real.RequireLabels(Name) : FakeLabels(real.Count);
        var fake = DetachedFakes(labels);
        var criticReal = Critic(real.X, labels).Mean();
        var criticFake = Critic(fake, labels).Mean();
        var penalty = GradientPenalty.Compute(x => Critic(x, labels), real.X, fake, Rng, _options.Lambda);
        var dLoss = Update(_optD, criticFake - criticReal + penalty);
        return new StepLosses().Add("d", dLoss).Add("wasserstein", criticReal.Item() - criticFake.Item()).Add("gp", penalty.Item());
    }

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        // ---- Generator: minimise −E[D(G(z))] ----
        var g = UpdateGenerator(_optG, batchSize, (fake, labels) => -Critic(fake, labels).Mean());
        return new StepLosses().Add("g", g);
    }

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];
}
