using GanAugment.NN;
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
    public double LearningRate { get; init; } = 2e-4;
    public double Beta1 { get; init; } = 0.5;
    public double Beta2 { get; init; } = 0.999;
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
}

/// <summary>
/// AC-GAN: D sees only the image and has two heads, real/fake (sigmoid, BCE) and class (softmax,
/// cross-entropy); G gets noise and a label. D: 3x3 convs 32/64/128/256 with strides 2/1/2/1,
/// BatchNorm (not on the first), LeakyReLU 0.2, Dropout 0.5. G: label → embedding 50 → dense →
/// one 7x7 map; noise → dense 384·7·7 → ReLU; concatenated → ConvTranspose 5x5/2 → 192, BatchNorm,
/// ReLU → ConvTranspose 5x5/2 → 1, tanh. D is updated on half a batch of real images, then on half
/// a batch of generated ones; G is updated through D with D frozen.
/// </summary>
public sealed class AcGan : GanModel
{
    private readonly AcGanOptions _options;
    private readonly AcGanGenerator _generator;
    private readonly AcGanDiscriminator _discriminator;
    private readonly Adam _optG;
    private readonly Adam _optD;

    public AcGan(ImageSpec spec, AcGanOptions options, Rng rng) : base(spec, rng.Split())
    {
        AcGanShapes.Check(spec);
        if (spec.ClassCount < 2) throw new ArgumentException("acgan needs a labelled data set with at least 2 classes");
        _options = options;
        var init = rng.Split();
        _generator = new AcGanGenerator(spec, options, init);
        _discriminator = new AcGanDiscriminator(spec, options, init, Rng);
        _optG = new Adam(_generator.Parameters(), lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2);
        _optD = new Adam(_discriminator.Parameters(), lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2);
    }

    public override string Name => "acgan";
    public override int LatentDim => _options.LatentDim;
    public override bool IsConditional => true;
    public override object Options => _options;
    protected override Module Generator => _generator;

    /// <summary>D takes half a batch of real images per update, then half a batch of fakes.</summary>
    public override int RealPerStep(int batchSize) => batchSize / 2;

    public override Tensor Generate(Tensor z, int[] labels) => _generator.Call(z, labels);

    public override StepLosses CriticStep(Tensor real, int[] labels)
    {
        var half = real.Size(0);
        // ---- D on half a batch of real images: source "real", their class ----
        var (srcReal, clsReal) = _discriminator.Call(real);
        var dRealSource = Losses.BinaryCrossEntropyWithLogits(srcReal, Tensor.Ones(half, 1));
        var dRealClass = Losses.CrossEntropy(clsReal, labels);
        _optD.ZeroGrad();
        (dRealSource + dRealClass).Backward();
        _optD.Step();

        // ---- D on half a batch of generated images: source "fake", the class they were made for ----
        var fakeLabels = RandomLabels(half);
        Tensor fake;
        using (Autograd.NoGrad()) fake = _generator.Call(Noise(half), fakeLabels);
        var (srcFake, clsFake) = _discriminator.Call(fake);
        var dFakeSource = Losses.BinaryCrossEntropyWithLogits(srcFake, Tensor.Zeros(half, 1));
        var dFakeClass = Losses.CrossEntropy(clsFake, fakeLabels);
        _optD.ZeroGrad();
        (_options.FakeClassLoss ? dFakeSource + dFakeClass : dFakeSource).Backward();
        _optD.Step();

        return new StepLosses()
            .Add("d_real_source", dRealSource.Item()).Add("d_real_class", dRealClass.Item())
            .Add("d_fake_source", dFakeSource.Item()).Add("d_fake_class", dFakeClass.Item());
    }

    public override StepLosses GeneratorStep(int batchSize)
    {
        // ---- G through frozen D: samples called real and of the asked class ----
        SetTrainable(_discriminator, false);
        var labels = RandomLabels(batchSize);
        var (source, cls) = _discriminator.Call(_generator.Call(Noise(batchSize), labels));
        var gSource = Losses.BinaryCrossEntropyWithLogits(source, Tensor.Ones(batchSize, 1));
        var gClass = Losses.CrossEntropy(cls, labels);
        _optG.ZeroGrad();
        (gSource + gClass).Backward();
        _optG.Step();
        SetTrainable(_discriminator, true);
        return new StepLosses().Add("g_source", gSource.Item()).Add("g_class", gClass.Item());
    }

    public override IEnumerable<(string Name, Module Module)> Networks() => [("generator", _generator), ("discriminator", _discriminator)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];
}
