using GanAugment.Gans.Export;
using GanAugment.Gans.Options;
using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// Options of the Data Augmentation GAN (Antoniou, Storkey and Edwards 2017,
/// https://arxiv.org/abs/1711.04340) with the defaults of the seed's PyTorch port
/// (amurthy1/dagan_torch): a UNet of 4 levels of 4-layer dense blocks with widths 64, 64, 128, 128,
/// three noise injections of 8, 4 and 2 maps, a DenseNet critic of 4 blocks of 4 layers with
/// growth 16, WGAN-GP with λ = 10 and 5 critic steps, Adam(1e-4, β = (0, 0.9)).
/// </summary>
public sealed record DaganOptions
{
    public int LatentDim { get; init; } = 100;
    /// <summary>UNet levels on each side.</summary>
    public int Depth { get; init; } = 4;
    /// <summary>Maps of the first level; level i has width·2^⌊i/2⌋ (64, 64, 128, 128).</summary>
    public int Width { get; init; } = 64;
    /// <summary>Conv layers per generator level: the dense layers plus the strided or upsampling transition.</summary>
    public int Layers { get; init; } = 4;
    /// <summary>Noise injections, the bottleneck first; injection k has noise-maps/2^k maps (8, 4, 2).</summary>
    public int NoiseInjections { get; init; } = 3;
    public int NoiseMaps { get; init; } = 8;
    public float Dropout { get; init; } = 0f;
    public int CriticBlocks { get; init; } = 4;
    public int CriticLayers { get; init; } = 4;
    public int CriticGrowth { get; init; } = 16;
    /// <summary>Penalty weight λ.</summary>
    public float Lambda { get; init; } = 10f;
    public int CriticSteps { get; init; } = 5;
    public AdamOptions Adam { get; init; } = new(LearningRate: 1e-4, Beta1: 0.0, Beta2: 0.9);

    /// <summary>The maps of each generator level.</summary>
    public int[] Widths => [.. Enumerable.Range(0, Depth).Select(i => Width << (i / 2))];

    /// <summary>The maps of each noise injection.</summary>
    public int[] InjectionMaps => [.. Enumerable.Range(0, NoiseInjections).Select(k => Math.Max(1, NoiseMaps >> k))];

    public static OptionSchema<DaganOptions> Schema { get; } = new OptionSchema<DaganOptions>()
        .Int("latent-dim", "size of the noise vector z", o => o.LatentDim, (o, v) => o with { LatentDim = v }, min: 1)
        .Int("depth", "UNet levels on each side of the generator", o => o.Depth, (o, v) => o with { Depth = v }, min: 1)
        .Int("width", "maps of the generator's first level; level i has width*2^floor(i/2)", o => o.Width, (o, v) => o with { Width = v }, min: 1)
        .Int("layers", "conv layers per generator level (dense layers plus the transition)", o => o.Layers, (o, v) => o with { Layers = v }, min: 1)
        .Int("noise-injections", "levels (bottleneck first) where the projected noise joins as extra maps", o => o.NoiseInjections, (o, v) => o with { NoiseInjections = v })
        .Int("noise-maps", "maps of the first noise injection; each next one has half as many", o => o.NoiseMaps, (o, v) => o with { NoiseMaps = v }, min: 1)
        .Float("dropout", "dropout probability after the generator's hidden layers", o => o.Dropout, (o, v) => o with { Dropout = v })
        .Int("critic-blocks", "dense blocks of the critic", o => o.CriticBlocks, (o, v) => o with { CriticBlocks = v }, min: 1)
        .Int("critic-layers", "conv layers per dense block of the critic", o => o.CriticLayers, (o, v) => o with { CriticLayers = v }, min: 1)
        .Int("critic-growth", "maps each critic layer adds (DenseNet growth rate)", o => o.CriticGrowth, (o, v) => o with { CriticGrowth = v }, min: 1)
        .Float("lambda", "weight λ of the gradient penalty", o => o.Lambda, (o, v) => o with { Lambda = v })
        .Int("critic-steps", "critic updates per generator update (n_critic)", o => o.CriticSteps, (o, v) => o with { CriticSteps = v }, min: 1)
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v });
}

/// <summary>
/// DAGAN: G(source, z) is another image of the source's class. The critic scores pairs: real
/// (source, target) of two different images of one class against (source, G(source, z)), with
/// the WGAN-GP loss E[D(s, G(s, z))] − E[D(s, t)] + λ·E[(‖∇ₜ D(s, t̂)‖ − 1)²]; G minimises
/// −E[D(s, G(s, z))]. Trained on classes with many images, applied to classes it never saw.
/// </summary>
public sealed class Dagan : GanModel
{
    private readonly DaganOptions _options;
    private readonly DaganGenerator _g;
    private readonly DaganCritic _d;
    private readonly Adam _optG;
    private readonly Adam _optD;

    public static ModelEntry<DaganOptions> Entry { get; } = new("dagan",
        "Data Augmentation GAN on same-class image pairs: dense UNet G(source, z), DenseNet critic, WGAN-GP (lambda 10, n_critic 5), Adam(1e-4, 0, 0.9)",
        [Modality.ImagePairs], DaganOptions.Schema, new(), (s, o, r) => new Dagan((ImagePairSpec)s, o, r));

    public Dagan(ImagePairSpec spec, DaganOptions options, Rng rng) : base(spec, rng.Split())
    {
        if (!(options.Dropout is >= 0f and < 1f)) throw new ArgumentException($"dagan option 'dropout' must be in [0, 1), got {options.Dropout}");
        _options = options;
        var init = rng.Split();
        // NOTE: dropout masks come from the model's own stream, which checkpoints save, so a resumed run draws the same masks.
        _g = new DaganGenerator(spec.Image, options.LatentDim, options.Widths, options.Layers, options.InjectionMaps, options.Dropout, init, Rng);
        _d = new DaganCritic(spec.Image, options.CriticBlocks, options.CriticLayers, options.CriticGrowth, init);
        _optG = options.Adam.Create(_g.Parameters());
        _optD = options.Adam.Create(_d.Parameters());
    }

    public override string Name => "dagan";
    public override object Options => _options;
    public override int LatentDim => _options.LatentDim;
    public override ConditionKind Conditioning => ConditionKind.Source;
    public override int CriticSteps => _options.CriticSteps;
    protected override Module Generator => _g;

    protected override Tensor RunGenerator(Tensor z, Condition condition) =>
        _g.Call(((SourceCondition)condition).Source, z);

    /// <summary>G in ONNX: the source image (in [-1, 1], as the data set's images are given to the model) and N(0, 1) noise.</summary>
    public override GeneratorOnnx OnnxGenerator()
    {
        var source = new GeneratorInput("source", OnnxType.Float, Spec.ItemShape, "source image per sample, pixels scaled to [-1, 1] (2·p/255 − 1)",
            (_, c) => GeneratorFeed.Floats("source", ((SourceCondition)c).Source));
        return new([GeneratorInput.Noise(LatentDim), source], (graph, inputs) =>
            _g.ExportOnnx(new OnnxModuleExporter(graph, "generator", _g), inputs[1], inputs[0]));
    }

    public override StepLosses CriticStep(RealBatch real)
    {
        var source = RequireSource(real);
        // ---- Critic: real pairs (s, t) against (s, G(s, z)), plus the penalty at interpolated targets ----
        Tensor fake;
        using (Autograd.NoGrad()) fake = Generate(Noise(real.Count), Condition.OfSource(source));
        var criticReal = _d.Call(source, real.X).Mean();
        var criticFake = _d.Call(source, fake).Mean();
        // NOTE: the source is the same in both pairs, so only the target is interpolated and the
        // penalty is on the gradient with respect to the target.
        var penalty = GradientPenalty.Compute(t => _d.Call(source, t), real.X, fake, Rng, _options.Lambda);
        var dLoss = Update(_optD, criticFake - criticReal + penalty);
        return new StepLosses().Add("d", dLoss).Add("wasserstein", criticReal.Item() - criticFake.Item()).Add("gp", penalty.Item());
    }

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        // ---- Generator: minimise −E[D(s, G(s, z))] on the critic step's sources ----
        var source = RequireSource(real);
        var gLoss = -_d.Call(source, Generate(Noise(real.Count), Condition.OfSource(source))).Mean();
        return new StepLosses().Add("g", Update(_optG, gLoss));
    }

    public override void SummaryPass(RealBatch real)
    {
        var source = RequireSource(real);
        _d.Call(source, Generate(Noise(real.Count), Condition.OfSource(source)));
    }

    public override IEnumerable<(string Name, Module Module)> Networks() => [("generator", _g), ("discriminator", _d)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];

    private Tensor RequireSource(RealBatch real) =>
        real.Source ?? throw new InvalidOperationException("dagan trains on image pairs: the batch has no source images");
}
