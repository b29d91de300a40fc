using GanAugment.Data.Writers;
using GanAugment.Gans.Export;
using GanAugment.Gans.Options;
using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// Options of InfoGAN (Chen et al. 2016, "InfoGAN: Interpretable Representation Learning by
/// Information Maximizing Generative Adversarial Nets", https://arxiv.org/abs/1606.03657), with the
/// MNIST setup of the paper and of its reference code (openai/InfoGAN, <c>run_mnist_exp.py</c>):
/// 62 uniform noise variables, one 10-way categorical code, two continuous codes U(−1, 1) whose Q
/// has a fixed standard deviation, λ = 1 for both, Adam with β1 = 0.5, 2e-4 for D and Q and 1e-3
/// for G, LeakyReLU 0.1, and the paper's networks (Table 1 of its appendix).
/// </summary>
public sealed record InfoGanOptions
{
    /// <summary>Incompressible noise z ~ U(−1, 1) next to the codes.</summary>
    public int LatentDim { get; init; } = 62;

    /// <summary>Values of the categorical code (0: none).</summary>
    public int Categories { get; init; } = 10;

    /// <summary>Continuous codes, each U(−1, 1).</summary>
    public int Continuous { get; init; } = 2;

    /// <summary>λ of the categorical code's information term.</summary>
    public float LambdaCat { get; init; } = 1f;

    /// <summary>λ of the continuous codes' information term (the paper advises ≤ 1; the reference uses 1 with σ fixed).</summary>
    public float LambdaCont { get; init; } = 1f;

    /// <summary>Whether Q predicts a log-standard deviation per continuous code; false fixes σ = 1 (the reference's MNIST run).</summary>
    public bool LearnStd { get; init; }

    /// <summary>Channels of D's first convolution and G's last hidden one (the next/previous have twice as many).</summary>
    public int Width { get; init; } = 64;

    /// <summary>Units of the dense layer of G and of the shared D/Q body (the feature size of <c>ganaug encode</c> for images).</summary>
    public int DenseWidth { get; init; } = 1024;

    /// <summary>Units of Q's hidden layer.</summary>
    public int QWidth { get; init; } = 128;

    /// <summary>Units of the hidden layers of the table networks (the feature size of <c>ganaug encode</c> for tables).</summary>
    public int TableWidth { get; init; } = 256;

    public float LeakySlope { get; init; } = 0.1f;
    public float InitStd { get; init; } = 0.02f;

    /// <summary>Adam of D and Q.</summary>
    public AdamOptions Adam { get; init; } = new(LearningRate: 2e-4, Beta1: 0.5);

    /// <summary>G's learning rate (Adam's β as D's).</summary>
    public double GeneratorLearningRate { get; init; } = 1e-3;

    public static OptionSchema<InfoGanOptions> Schema { get; } = new OptionSchema<InfoGanOptions>()
        .Int("latent-dim", "size of the noise z ~ U(-1, 1) next to the codes", o => o.LatentDim, (o, v) => o with { LatentDim = v }, min: 1)
        .Int("categories", "values of the categorical code (0: none)", o => o.Categories, (o, v) => o with { Categories = v }, min: 0)
        .Int("continuous", "continuous codes, each U(-1, 1)", o => o.Continuous, (o, v) => o with { Continuous = v }, min: 0)
        .Float("lambda-cat", "weight λ of the categorical code's information term (cross-entropy)", o => o.LambdaCat, (o, v) => o with { LambdaCat = v })
        .Float("lambda-cont", "weight λ of the continuous codes' information term (Gaussian NLL)", o => o.LambdaCont, (o, v) => o with { LambdaCont = v })
        .Bool("learn-std", "Q predicts a log-std per continuous code (false: σ = 1, the reference)", o => o.LearnStd, (o, v) => o with { LearnStd = v })
        .Int("width", "channels of D's first conv and G's last hidden upconv (the other is twice as wide)", o => o.Width, (o, v) => o with { Width = v }, min: 1)
        .Int("dense-width", "units of the dense layers of G and of the shared D/Q body (images)", o => o.DenseWidth, (o, v) => o with { DenseWidth = v }, min: 1)
        .Int("q-width", "units of Q's hidden layer", o => o.QWidth, (o, v) => o with { QWidth = v }, min: 1)
        .Int("table-width", "units of the hidden layers of the table networks", o => o.TableWidth, (o, v) => o with { TableWidth = v }, min: 1)
        .Float("leaky-slope", "negative slope of D's LeakyReLUs", o => o.LeakySlope, (o, v) => o with { LeakySlope = v })
        .Float("init-std", "standard deviation of the normal kernel initialisation", o => o.InitStd, (o, v) => o with { InitStd = v }, positive: true)
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v })
        .Double("generator-learning-rate", "G's Adam step size (D and Q use learning-rate)", o => o.GeneratorLearningRate, (o, v) => o with { GeneratorLearningRate = v }, positive: true);
}

/// <summary>
/// InfoGAN: G gets noise z and latent codes c (<see cref="LatentCodes"/>); D and an auxiliary Q
/// share one body, D scoring real against generated items and Q predicting c back from G(z, c).
/// D maximises the GAN value; G and Q minimise λ·L_I, the negative lower bound of the mutual
/// information I(c; G(z, c)): cross-entropy for the categorical code, Gaussian NLL for the
/// continuous ones (<see cref="InformationLoss"/>). No label is used. Images use the paper's
/// MNIST networks, tables MLPs with the table models' tanh/softmax output blocks.
/// </summary>
public sealed class InfoGan : GanModel, IEncodingModel, ICodeModel
{
    private readonly InfoGanOptions _options;
    private readonly Module<Tensor, Tensor> _generator;
    private readonly InfoGanDiscriminator _discriminator;
    private readonly Adam _optG;
    private readonly Adam _optD;

    public static ModelEntry<InfoGanOptions> Entry { get; } = new("infogan",
        "InfoGAN: categorical and continuous latent codes, Q head on D's body maximising their mutual information with G's output; unsupervised",
        [Modality.Images, Modality.Table], InfoGanOptions.Schema, new(), (s, o, r) => new InfoGan(s, o, r),
        c => c.Data.Spec is ImageSpec ? [new InfoGanObserver(c.Run, c.Trainer.SampleEvery)] : []);

    public InfoGan(DataSpec spec, InfoGanOptions options, Rng rng) : base(spec, rng.Split())
    {
        _options = options;
        Codes = new LatentCodes(options.Categories, options.Continuous);
        var init = rng.Split();
        var inFeatures = options.LatentDim + Codes.Width;
        var qOutputs = Codes.Categories + Codes.Continuous * (options.LearnStd ? 2 : 1);
        switch (spec)
        {
            case ImageSpec image:
                _generator = new InfoGanImageGenerator(image, inFeatures, options, init);
                _discriminator = new InfoGanDiscriminator(InfoGanBodies.Image(image, options, init), options.DenseWidth, qOutputs, options, init);
                break;
            case TableSpec table:
                TableActivation.CheckBlocks(table);
                _generator = InfoGanBodies.TableGenerator(table, inFeatures, options, init);
                _discriminator = new InfoGanDiscriminator(InfoGanBodies.Table(table, options, init), options.TableWidth, qOutputs, options, init);
                break;
            default:
                throw new ArgumentException($"infogan takes images or tables, not {ModelEntry.Describe(spec.Modality)}");
        }
        _optG = options.Adam.Create(_generator.Parameters(), options.GeneratorLearningRate);
        _optD = options.Adam.Create(_discriminator.Parameters());
    }

    public override string Name => "infogan";
    public override int LatentDim => _options.LatentDim;
    public override ConditionKind Conditioning => ConditionKind.Codes;
    public override object Options => _options;
    protected override Module Generator => _generator;

    /// <summary>Images in [0, 1] (G ends in a sigmoid, the reference's Bernoulli mean); table rows as encoded.</summary>
    public override PixelRange Range => Spec is ImageSpec ? PixelRange.ZeroToOne : base.Range;

    public LatentCodes Codes { get; }

    public int FeatureSize => _discriminator.FeatureSize;

    // ---- Discriminator and Q: real items towards 1, generated ones towards 0; Q recovers their codes ----

    public override StepLosses CriticStep(RealBatch real)
    {
        var n = real.Count;
        var codes = Codes.Draw(n, Rng);
        Tensor fake;
        using (Autograd.NoGrad()) fake = Generate(Noise(n), Condition.OfCodes(codes));
        var (sourceReal, _) = _discriminator.Call(real.X);
        var (sourceFake, q) = _discriminator.Call(fake);
        var dReal = Losses.BinaryCrossEntropyWithLogits(sourceReal, Tensor.Ones(n, 1));
        var dFake = Losses.BinaryCrossEntropyWithLogits(sourceFake, Tensor.Zeros(n, 1));
        var (infoCat, infoCont) = Information(q, codes);
        Update(_optD, dReal + dFake + _options.LambdaCat * infoCat + _options.LambdaCont * infoCont);
        return new StepLosses().Add("d_real", dReal.Item()).Add("d_fake", dFake.Item())
            .Add("q_cat", infoCat.Item()).Add("q_cont", infoCont.Item());
    }

    // ---- Generator: fool D (non-saturating loss) and keep its codes recoverable by Q ----

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        var codes = Codes.Draw(batchSize, Rng);
        var (source, q) = _discriminator.Call(Generate(Noise(batchSize), Condition.OfCodes(codes)));
        var gAdversarial = Losses.BinaryCrossEntropyWithLogits(source, Tensor.Ones(batchSize, 1));
        var (infoCat, infoCont) = Information(q, codes);
        Update(_optG, gAdversarial + _options.LambdaCat * infoCat + _options.LambdaCont * infoCont);
        return new StepLosses().Add("g", gAdversarial.Item()).Add("g_cat", infoCat.Item()).Add("g_cont", infoCont.Item());
    }

    /// <summary>L_I per code kind for Q's outputs <paramref name="q"/> [N, K + C (+ C)] and the codes G was given (0 for an absent kind).</summary>
    private (Tensor Categorical, Tensor Continuous) Information(Tensor q, Tensor codes)
    {
        var (k, c) = (Codes.Categories, Codes.Continuous);
        var categorical = k > 0 ? InformationLoss.Categorical(q.Narrow(1, 0, k), Codes.CategoryOf(codes)) : Tensor.Zeros(1).Sum();
        var continuous = c > 0
            ? InformationLoss.Gaussian(q.Narrow(1, k, c), _options.LearnStd ? q.Narrow(1, k + c, c) : null, Codes.ContinuousOf(codes))
            : Tensor.Zeros(1).Sum();
        return (categorical, continuous);
    }

    // ---- Sampling and encoding ----

    /// <summary>Noise z ~ U(−1, 1), as the reference's <c>Uniform(62)</c>.</summary>
    protected override Tensor NoiseFrom(Rng rng, int count) => Tensor.Rand(rng, [count, LatentDim], -1f, 1f);

    /// <summary>Codes drawn from their prior when the caller fixes none.</summary>
    protected override Condition DrawCondition(int count, Rng rng) => Condition.OfCodes(Codes.Draw(count, rng));

    protected override Tensor RunGenerator(Tensor z, Condition condition)
    {
        var codes = condition is CodeCondition given ? given.Codes
            : throw new ArgumentException($"infogan generates from latent codes ({Codes.Describe()}), not from a {condition.GetType().Name}");
        Codes.Check(codes);
        var output = _generator.Call(Tensor.Concat([z, codes], 1));
        return Spec is TableSpec table ? TableActivation.Apply(output, table) : output;
    }

    /// <summary>G in ONNX: noise and the codes (drawn outside the graph, as the metadata says) concatenated into G, and for tables the block activations.</summary>
    public override GeneratorOnnx OnnxGenerator()
    {
        var codes = new GeneratorInput("codes", OnnxType.Float, [Codes.Width],
            (Codes.Categories > 0 ? $"the one-hot of cat (0..{Codes.Categories - 1}, uniform) in the first {Codes.Categories} columns, then " : "")
            + $"{Codes.Continuous} continuous codes c1..c{Codes.Continuous}, each U(-1, 1)",
            (_, c) => GeneratorFeed.Floats("codes", ((CodeCondition)c).Codes));
        return new([GeneratorInput.Noise(LatentDim, "U(-1, 1)"), codes], (graph, inputs) =>
        {
            var output = new OnnxModuleExporter(graph, "generator", _generator).Apply(_generator, OnnxBlocks.ConcatLast(graph, inputs[0], inputs[1]));
            return Spec is TableSpec table ? TableActivation.ExportOnnx(graph, output, table, null, 0f) : output;
        }, [new("codes", Codes.Describe())]);
    }

    /// <summary>The shared D/Q body's features (its last hidden layer) of <paramref name="items"/>.</summary>
    public Tensor Encode(Tensor items) => _discriminator.Evaluated(() => _discriminator.Features(items));

    /// <summary>Q's logits of the categorical code [N, K] for <paramref name="items"/>.</summary>
    public Tensor CategoryLogits(Tensor items)
    {
        if (Codes.Categories == 0) throw new InvalidOperationException("this infogan has no categorical code (categories=0)");
        return _discriminator.Evaluated(() => _discriminator.Call(items).Q.Narrow(1, 0, Codes.Categories));
    }

    public int[] PredictCategories(Tensor items)
    {
        var logits = CategoryLogits(items).ToArray();
        var k = Codes.Categories;
        var predicted = new int[items.Size(0)];
        for (var i = 0; i < predicted.Length; i++) predicted[i] = LatentCodes.ArgMax(logits.AsSpan(i * k, k));
        return predicted;
    }

    public override void SummaryPass(RealBatch real)
    {
        _discriminator.Call(real.X);
        _discriminator.Call(Generate(Noise(real.Count), DrawCondition(real.Count, Rng)));
    }

    public override IEnumerable<(string Name, Module Module)> Networks() => [("generator", _generator), ("discriminator", _discriminator)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];
}
