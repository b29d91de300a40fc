using GanAugment.Gans.Export;
using GanAugment.Gans.Options;
using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// Options of the AC-GAN of the AC-GAN seed (Odena et al. 2017, https://arxiv.org/abs/1610.09585,
/// in the Keras tutorial's Fashion-MNIST configuration). BatchNorm uses Keras' defaults
/// (momentum 0.99, i.e. PyTorch momentum 0.01, and eps 1e-3) since the seed is Keras code.
/// </summary>
public sealed record AcGanOptions
{
    public int LatentDim { get; init; } = 100;
    public int LabelEmbedding { get; init; } = 50;
    public AdamOptions Adam { get; init; } = new();
    public float Dropout { get; init; } = 0.5f;
    public float LeakySlope { get; init; } = 0.2f;
    public float InitStd { get; init; } = 0.02f;

    /// <summary>
    /// Whether D's class head also learns generated images with the class they were made for (the
    /// seed and the paper: true). With false, D's class head learns from real images only, so G is
    /// pushed toward images a classifier of real data assigns to the asked class; the loss is still
    /// reported.
    /// </summary>
    public bool FakeClassLoss { get; init; } = true;

    public static OptionSchema<AcGanOptions> Schema { get; } = new OptionSchema<AcGanOptions>()
        .Int("latent-dim", "size of the noise vector z", o => o.LatentDim, (o, v) => o with { LatentDim = v }, min: 1)
        .Int("label-embedding", "size of G's label embedding", o => o.LabelEmbedding, (o, v) => o with { LabelEmbedding = v }, min: 1)
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v })
        .Float("dropout", "dropout rate in D", o => o.Dropout, (o, v) => o with { Dropout = v })
        .Float("leaky-slope", "negative slope of D's LeakyReLUs", o => o.LeakySlope, (o, v) => o with { LeakySlope = v })
        .Float("init-std", "standard deviation of the normal kernel initialisation", o => o.InitStd, (o, v) => o with { InitStd = v }, positive: true)
        .Bool("fake-class-loss", "D's class head also learns generated images (the seed); false: real images only", o => o.FakeClassLoss, (o, v) => o with { FakeClassLoss = v });
}

/// <summary>
/// AC-GAN: D sees only the image and has two heads, real/fake (sigmoid, BCE) and class (softmax,
/// cross-entropy); G gets noise and a label. D: 3x3 convs 32/64/128/256 with strides 2/1/2/1,
/// BatchNorm (not on the first), LeakyReLU 0.2, Dropout 0.5. G: label → embedding 50 → dense →
/// one 7x7 map; noise → dense 384·7·7 → ReLU; concatenated → ConvTranspose 5x5/2 → 192, BatchNorm,
/// ReLU → ConvTranspose 5x5/2 → 1, tanh. D is updated on half a batch of real images, then on half
/// a batch of generated ones; G is updated through D (gradients for G's parameters only).
/// </summary>
public sealed class AcGan : GanModel
{
    private readonly AcGanOptions _options;
    private readonly AcGanGenerator _generator;
    private readonly AcGanDiscriminator _discriminator;
    private readonly Adam _optG;
    private readonly Adam _optD;

    public static ModelEntry<AcGanOptions> Entry { get; } = new("acgan",
        "AC-GAN of the AC-GAN seed (Fashion-MNIST architecture, auxiliary classifier head)",
        [Modality.Images], AcGanOptions.Schema, new(), (s, o, r) => new AcGan((ImageSpec)s, o, r));

    public AcGan(ImageSpec spec, AcGanOptions options, Rng rng) : base(spec, rng.Split())
    {
        AcGanShapes.Check(spec);
        if (spec.ClassCount < 2) throw new ArgumentException("acgan needs a labelled data set with at least 2 classes");
        _options = options;
        var init = rng.Split();
        _generator = new AcGanGenerator(spec, options, init);
        _discriminator = new AcGanDiscriminator(spec, options, init, Rng);
        _optG = options.Adam.Create(_generator.Parameters());
        _optD = options.Adam.Create(_discriminator.Parameters());
    }

    public override string Name => "acgan";
    public override int LatentDim => _options.LatentDim;
    public override ConditionKind Conditioning => ConditionKind.Labels;
    public override object Options => _options;
    protected override Module Generator => _generator;

    /// <summary>D takes half a batch of real images per update, then half a batch of fakes.</summary>
    public override int RealPerStep(int batchSize) => batchSize / 2;

    protected override Tensor RunGenerator(Tensor z, Condition condition) => _generator.Call(z, ((LabelCondition)condition).Labels);

    public override GeneratorOnnx OnnxGenerator() => new([GeneratorInput.Noise(LatentDim), GeneratorInput.Label(Spec.ClassCount)],
        (graph, inputs) => _generator.ExportOnnx(new OnnxModuleExporter(graph, "generator", _generator), inputs[0], inputs[1]));

    public override StepLosses CriticStep(RealBatch batch)
    {
        var (real, labels, half) = (batch.X, batch.RequireLabels(Name), batch.Count);
        // ---- D on half a batch of real images: source "real", their class ----
        var (srcReal, clsReal) = _discriminator.Call(real);
        var dRealSource = Losses.BinaryCrossEntropyWithLogits(srcReal, Tensor.Ones(half, 1));
        var dRealClass = Losses.CrossEntropy(clsReal, labels);
        Update(_optD, dRealSource + dRealClass);

        // ---- D on half a batch of generated images: source "fake", the class they were made for ----
        var fakeLabels = RandomLabels(half);
        Tensor fake;
        using (Autograd.NoGrad()) fake = Generate(Noise(half), Condition.Of(fakeLabels));
        var (srcFake, clsFake) = _discriminator.Call(Judged(fake, fakeLabels));
        var dFakeSource = Losses.BinaryCrossEntropyWithLogits(srcFake, Tensor.Zeros(half, 1));
        var dFakeClass = Losses.CrossEntropy(clsFake, fakeLabels);
        Update(_optD, _options.FakeClassLoss ? dFakeSource + dFakeClass : dFakeSource);

        return new StepLosses()
            .Add("d_real_source", dRealSource.Item()).Add("d_real_class", dRealClass.Item())
            .Add("d_fake_source", dFakeSource.Item()).Add("d_fake_class", dFakeClass.Item());
    }

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        // ---- G through D: samples called real and of the asked class ----
        var labels = RandomLabels(batchSize);
        var (source, cls) = _discriminator.Call(Judged(Generate(Noise(batchSize), Condition.Of(labels)), labels));
        var gSource = Losses.BinaryCrossEntropyWithLogits(source, Tensor.Ones(batchSize, 1));
        var gClass = Losses.CrossEntropy(cls, labels);
        Update(_optG, gSource + gClass);
        return new StepLosses().Add("g_source", gSource.Item()).Add("g_class", gClass.Item());
    }

    public override void SummaryPass(RealBatch real) =>
        _discriminator.Call(Generate(Noise(real.Count), Condition.Of(real.RequireLabels(Name))));

    public override IEnumerable<(string Name, Module Module)> Networks() => [("generator", _generator), ("discriminator", _discriminator)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];
}
