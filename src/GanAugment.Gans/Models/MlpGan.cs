using GanAugment.Data.Writers;
using GanAugment.Gans.Options;
using GanAugment.Gans.Export;
using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// Options of the fully connected GAN of the MLP seed (Goodfellow et al. 2014,
/// https://arxiv.org/abs/1406.2661, with the layer tables of the seed notebook).
/// </summary>
public sealed record MlpGanOptions
{
    public int LatentDim { get; init; } = 100;
    public AdamOptions Adam { get; init; } = new();
    public float LeakySlope { get; init; } = 0.2f;

    public static OptionSchema<MlpGanOptions> Schema { get; } = new OptionSchema<MlpGanOptions>()
        .Int("latent-dim", "size of the noise vector z", o => o.LatentDim, (o, v) => o with { LatentDim = v }, min: 1)
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v })
        .Float("leaky-slope", "negative slope of the LeakyReLUs", o => o.LeakySlope, (o, v) => o with { LeakySlope = v });
}

/// <summary>
/// The MLP GAN of the seed: G 100→256→512→1024→784 (Dense, LeakyReLU, BatchNorm; sigmoid output),
/// D 784→512→256→1 (LeakyReLU; sigmoid output), binary cross-entropy. D returns a logit and the
/// sigmoid is folded into the loss (BCE-with-logits), which is the same objective, computed stably.
/// </summary>
public sealed class MlpGan : GanModel
{
    private readonly MlpGanOptions _options;
    private readonly Sequential _generator;
    private readonly Sequential _discriminator;
    private readonly Adam _optG;
    private readonly Adam _optD;

    public static ModelEntry<MlpGanOptions> Entry { get; } = new("gan",
        "fully connected GAN of the MLP seed (G 100-256-512-1024-784, D 784-512-256-1, BCE)",
        [Modality.Images], MlpGanOptions.Schema, new(), (s, o, r) => new MlpGan((ImageSpec)s, o, r));

    public MlpGan(ImageSpec spec, MlpGanOptions options, Rng rng) : base(spec, rng.Split())
    {
        _options = options;
        var init = rng.Split();
        var slope = options.LeakySlope;
        _generator = new Sequential(
            new Linear(options.LatentDim, 256, init), new LeakyReLU(slope), new BatchNorm1d(256),
            new Linear(256, 512, init), new LeakyReLU(slope), new BatchNorm1d(512),
            new Linear(512, 1024, init), new LeakyReLU(slope), new BatchNorm1d(1024),
            new Linear(1024, spec.Size, init), new Sigmoid());
        _discriminator = new Sequential(
            new Flatten(),
            new Linear(spec.Size, 512, init), new LeakyReLU(slope),
            new Linear(512, 256, init), new LeakyReLU(slope),
            new Linear(256, 1, init));
        _optG = options.Adam.Create(_generator.Parameters());
        _optD = options.Adam.Create(_discriminator.Parameters());
    }

    public override string Name => "gan";
    public override int LatentDim => _options.LatentDim;
    public override ConditionKind Conditioning => ConditionKind.None;
    public override PixelRange Range => PixelRange.ZeroToOne;
    public override object Options => _options;
    protected override Module Generator => _generator;

    protected override Tensor RunGenerator(Tensor z, Condition condition) => _generator.Call(z);

    public override GeneratorOnnx OnnxGenerator() =>
        new([GeneratorInput.Noise(LatentDim)], (graph, inputs) => new OnnxModuleExporter(graph, "generator", _generator).Apply(_generator, inputs[0]));

    public override StepLosses CriticStep(RealBatch batch)
    {
        var (real, n) = (batch.X, batch.Count);
        // ---- Discriminator: real images towards 1, generated ones towards 0 ----
        Tensor fake;
        using (Autograd.NoGrad()) fake = _generator.Call(Noise(n));
        var dReal = Losses.BinaryCrossEntropyWithLogits(_discriminator.Call(real), Tensor.Ones(n, 1));
        var dFake = Losses.BinaryCrossEntropyWithLogits(_discriminator.Call(fake), Tensor.Zeros(n, 1));
        Update(_optD, dReal + dFake);
        return new StepLosses().Add("d_real", dReal.Item()).Add("d_fake", dFake.Item());
    }

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        // ---- Generator: make D call its samples real (non-saturating loss), through D ----
        var gLoss = Losses.BinaryCrossEntropyWithLogits(_discriminator.Call(_generator.Call(Noise(batchSize))), Tensor.Ones(batchSize, 1));
        return new StepLosses().Add("g", Update(_optG, gLoss));
    }

    public override void SummaryPass(RealBatch real) => _discriminator.Call(Generate(Noise(real.Count), Condition.None));

    public override IEnumerable<(string Name, Module Module)> Networks() => [("generator", _generator), ("discriminator", _discriminator)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];
}
