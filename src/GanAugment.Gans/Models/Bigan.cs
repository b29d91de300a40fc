using GanAugment.Gans.Export;
using GanAugment.Gans.Options;
using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// Options of BiGAN (Donahue, Krähenbühl and Darrell 2017, "Adversarial Feature Learning",
/// https://arxiv.org/abs/1605.09782), defaults as its permutation-invariant MNIST setup: a 50-d
/// latent uniform on [-1, 1], fully connected G, E and D with two hidden layers of 1,024 units,
/// batch norm, LeakyReLU 0.2 in E and D (ReLU in G), Adam(2e-4, β1 0.5) with weight decay 2.5e-5.
/// </summary>
public sealed record BiganOptions
{
    public int LatentDim { get; init; } = 50;
    public int Width { get; init; } = 1024;
    public int Depth { get; init; } = 2;
    public float LeakySlope { get; init; } = 0.2f;
    public AdamOptions Adam { get; init; } = new();

    /// <summary>L2 weight decay of the three networks' Adams (the paper's 2.5e-5).</summary>
    public double WeightDecay { get; init; } = 2.5e-5;

    public static OptionSchema<BiganOptions> Schema { get; } = new OptionSchema<BiganOptions>()
        .Int("latent-dim", "size of z (uniform on [-1, 1]) and of E's features", o => o.LatentDim, (o, v) => o with { LatentDim = v }, min: 1)
        .Int("width", "units of each hidden layer of G, E and D", o => o.Width, (o, v) => o with { Width = v }, min: 1)
        .Int("depth", "hidden layers of G, E and D", o => o.Depth, (o, v) => o with { Depth = v }, min: 1)
        .Float("leaky-slope", "negative slope of the LeakyReLUs of E and D", o => o.LeakySlope, (o, v) => o with { LeakySlope = v })
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v })
        .Double("weight-decay", "Adam's L2 weight decay", o => o.WeightDecay, (o, v) => o with { WeightDecay = v });
}

/// <summary>
/// BiGAN: next to G: z → x an encoder E: x → z; D scores joint pairs and learns (x, E(x)) as real,
/// (G(z), z) as fake; G and E are trained together to swap D's answers, so that at the optimum
/// E inverts G. D sees [flatten(x) | z]. G: z → (Linear, BatchNorm, ReLU)×depth → Linear → tanh
/// (or the table's softmax blocks); E: (Linear, LeakyReLU)×depth with BatchNorm after every hidden
/// layer but the first → Linear to z; D: (Linear, LeakyReLU)×depth → Linear → logit. E(x) are the
/// features <c>ganaug encode</c> writes.
/// </summary>
public sealed class Bigan : GanModel, IEncodingModel
{
    private readonly BiganOptions _options;
    private readonly ItemDecoder _generator;
    private readonly LatentMlp _encoder;
    private readonly LatentMlp _discriminator;
    private readonly Adam _optD;
    private readonly Adam _optGE;

    public static ModelEntry<BiganOptions> Entry { get; } = new("bigan",
        "BiGAN: encoder E next to G, D on joint pairs (x, E(x)) vs (G(z), z); MLPs of 1024 (MNIST setup); images or tables",
        [Modality.Images, Modality.Table], BiganOptions.Schema, new(), (s, o, r) => new Bigan(s, o, r),
        c => [new BiganObserver(c.Run, c.Data, c.Trainer.SampleEvery)]);

    public Bigan(DataSpec spec, BiganOptions options, Rng rng) : base(spec, rng.Split())
    {
        _options = options;
        var init = rng.Split();
        var (size, width, depth) = (spec.Size, options.Width, options.Depth);
        _generator = new ItemDecoder(spec, options.LatentDim, width, depth, batchNorm: true, init);
        _encoder = new LatentMlp(size, width, depth, options.LatentDim, options.LeakySlope, i => i > 0, init);
        _discriminator = new LatentMlp(size + options.LatentDim, width, depth, 1, options.LeakySlope, null, init);
        _optD = Create(options, _discriminator.Parameters());
        _optGE = Create(options, [.. _generator.Parameters(), .. _encoder.Parameters()]);
    }

    public override string Name => "bigan";
    public override int LatentDim => _options.LatentDim;
    public override ConditionKind Conditioning => ConditionKind.None;
    public override object Options => _options;
    protected override Module Generator => _generator;
    public int FeatureSize => _options.LatentDim;

    protected override Tensor RunGenerator(Tensor z, Condition condition) => _generator.Call(z);

    public override GeneratorOnnx OnnxGenerator() =>
        new([GeneratorInput.Noise(LatentDim, "U(-1, 1)")], (graph, inputs) => new OnnxModuleExporter(graph, "generator", _generator).Apply(_generator, inputs[0]));

    /// <summary>z uniform on [-1, 1], as the paper.</summary>
    protected override Tensor NoiseFrom(Rng rng, int count) => Tensor.Rand(rng, [count, LatentDim], -1f, 1f);

    /// <summary>D's logit of the joint pair (x, z).</summary>
    private Tensor Score(Tensor x, Tensor z) => _discriminator.Call(Tensor.Concat([x.Reshape(x.Size(0), -1), z], 1));

    public override StepLosses CriticStep(RealBatch batch)
    {
        var (x, n) = (batch.X, batch.Count);
        // ---- D: (x, E(x)) towards 1, (G(z), z) towards 0 ----
        var z = Noise(n);
        Tensor ex, gz;
        using (Autograd.NoGrad())
        {
            ex = _encoder.Call(x);
            gz = _generator.Call(z);
        }
        var dReal = Losses.BinaryCrossEntropyWithLogits(Score(x, ex), Tensor.Ones(n, 1));
        var dFake = Losses.BinaryCrossEntropyWithLogits(Score(gz, z), Tensor.Zeros(n, 1));
        Update(_optD, dReal + dFake);
        return new StepLosses().Add("d_real", dReal.Item()).Add("d_fake", dFake.Item());
    }

    public override StepLosses GeneratorStep(RealBatch batch, int batchSize)
    {
        // ---- G and E together: swap D's answers (non-saturating: (G(z), z) → 1, (x, E(x)) → 0) ----
        var x = batch.X;
        var z = Noise(batchSize);
        var gFake = Losses.BinaryCrossEntropyWithLogits(Score(_generator.Call(z), z), Tensor.Ones(batchSize, 1));
        var eReal = Losses.BinaryCrossEntropyWithLogits(Score(x, _encoder.Call(x)), Tensor.Zeros(batch.Count, 1));
        Update(_optGE, gFake + eReal);
        return new StepLosses().Add("g", gFake.Item()).Add("e", eReal.Item());
    }

    /// <summary>E(x) [N, latent], in eval mode without a graph.</summary>
    public Tensor Encode(Tensor items) => _encoder.Evaluated(() => _encoder.Call(items));

    /// <summary>G(z) [N, ..item] for codes <paramref name="z"/>, in eval mode without a graph.</summary>
    public Tensor Decode(Tensor z) => _generator.Evaluated(() => _generator.Call(z));

    public override void SummaryPass(RealBatch real)
    {
        var z = Noise(real.Count);
        Score(real.X, _encoder.Call(real.X));
        Score(_generator.Call(z), z);
    }

    public override IEnumerable<(string Name, Module Module)> Networks() =>
        [("generator", _generator), ("encoder", _encoder), ("discriminator", _discriminator)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_d", _optD), ("opt_ge", _optGE)];

    private static Adam Create(BiganOptions o, IEnumerable<Parameter> parameters) =>
        new(parameters, lr: o.Adam.LearningRate, beta1: o.Adam.Beta1, beta2: o.Adam.Beta2, weightDecay: o.WeightDecay);
}

