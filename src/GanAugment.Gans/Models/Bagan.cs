using GanAugment.Gans.Export;
using GanAugment.Gans.Options;
using GanAugment.Gans.Training;
using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// Options of BAGAN (Mariani et al. 2018, "BAGAN: Data Augmentation with Balancing GAN",
/// https://arxiv.org/abs/1803.09655), defaults as the Keras reference (IBM/BAGAN,
/// <c>balancing_gan.py</c> and <c>bagan_train.py</c>): latent 100, Adam(5e-5, β1 0.5), a
/// 1024-unit dense layer, 128/256-channel 5×5 generator convolutions, a 32-64-128-256 encoder,
/// LeakyReLU 0.3 (Keras' default) and Dropout 0.3. The widths are options because the reference
/// generator costs about 0.8 GMAC per 28×28 image.
/// </summary>
public sealed record BaganOptions
{
    public int LatentDim { get; init; } = 100;
    public AdamOptions Adam { get; init; } = new(LearningRate: 5e-5);

    /// <summary>Learning rate of the autoencoder phase; 0 means Adam's learning rate, as the reference.</summary>
    public double AutoencoderLearningRate { get; init; }

    /// <summary>Channels of the generator's last hidden convolution (the one before has twice as many).</summary>
    public int Width { get; init; } = 128;

    /// <summary>Units of the generator's first dense layer.</summary>
    public int DenseWidth { get; init; } = 1024;

    /// <summary>Channels of the encoder's (and discriminator's) first convolution; the next ones double it up to 8×.</summary>
    public int EncoderWidth { get; init; } = 32;

    /// <summary>Kernel side of the generator's hidden convolutions.</summary>
    public int KernelSize { get; init; } = 5;

    public float Dropout { get; init; } = 0.3f;
    public float LeakySlope { get; init; } = 0.3f;

    /// <summary>Classes of the generated samples in D's updates (the reference's <c>dratio_mode</c>).</summary>
    public ClassSampling DiscriminatorSampling { get; init; } = ClassSampling.Uniform;

    /// <summary>Classes of the samples in G's updates (the reference's <c>gratio_mode</c>).</summary>
    public ClassSampling GeneratorSampling { get; init; } = ClassSampling.Uniform;

    /// <summary>Autoencoder epochs before the adversarial ones; 0 means as many as the adversarial epochs, as the reference.</summary>
    public int AutoencoderEpochs { get; init; }

    public static OptionSchema<BaganOptions> Schema { get; } = new OptionSchema<BaganOptions>()
        .Int("latent-dim", "size of the latent code (the autoencoder's bottleneck)", o => o.LatentDim, (o, v) => o with { LatentDim = v }, min: 1)
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v })
        .Double("autoencoder-learning-rate", "learning rate of the autoencoder phase (0: Adam's learning rate)", o => o.AutoencoderLearningRate, (o, v) => o with { AutoencoderLearningRate = v })
        .Int("width", "channels of G's last hidden convolution (the one before has twice as many)", o => o.Width, (o, v) => o with { Width = v }, min: 1)
        .Int("dense-width", "units of G's first dense layer", o => o.DenseWidth, (o, v) => o with { DenseWidth = v }, min: 1)
        .Int("encoder-width", "channels of the encoder's (and D's) first convolution, doubled up to 8x", o => o.EncoderWidth, (o, v) => o with { EncoderWidth = v }, min: 1)
        .Int("kernel-size", "kernel side of G's hidden convolutions", o => o.KernelSize, (o, v) => o with { KernelSize = v }, min: 1)
        .Float("dropout", "dropout rate in the encoder and D", o => o.Dropout, (o, v) => o with { Dropout = v })
        .Float("leaky-slope", "negative slope of the LeakyReLUs", o => o.LeakySlope, (o, v) => o with { LeakySlope = v })
        .Enum("discriminator-sampling", "classes of the generated samples in D's updates (dratio_mode)", o => o.DiscriminatorSampling, (o, v) => o with { DiscriminatorSampling = v })
        .Enum("generator-sampling", "classes of the samples in G's updates (gratio_mode)", o => o.GeneratorSampling, (o, v) => o with { GeneratorSampling = v })
        .Int("autoencoder-epochs", "autoencoder epochs before the adversarial ones (0: as many as the adversarial epochs)", o => o.AutoencoderEpochs, (o, v) => o with { AutoencoderEpochs = v });
}

/// <summary>
/// BAGAN, in the three steps of the paper: (1) an autoencoder, encoder E and decoder G, trained on
/// every class with the mean squared reconstruction error; (2) the class-conditional latent
/// generator, a multivariate normal N(μ_c, Σ_c) of E's codes per class; (3) adversarial
/// fine-tuning with G starting from the decoder and D from the encoder's trunk with an
/// (C + 1)-way softmax head whose last class means "fake". D learns real images as their class and
/// generated ones as fake; G learns to make D assign each sample the class it was drawn for.
/// Steps (1) and (2) are the trainer's pretraining phase.
/// </summary>
public sealed class Bagan : GanModel
{
    private readonly BaganOptions _options;
    private readonly BaganGenerator _generator;
    private readonly BaganHeaded _encoder;
    private readonly BaganHeaded _discriminator;
    private readonly Adam _optAutoencoder;
    private readonly Adam _optD;
    private readonly Adam _optG;

    public static ModelEntry<BaganOptions> Entry { get; } = new("bagan",
        "balancing GAN of the BAGAN seed: autoencoder init, class-conditional latent, (C+1)-class D (uniform or rebalance sampling)",
        [Modality.Images], BaganOptions.Schema, new(), (s, o, r) => new Bagan((ImageSpec)s, o, r),
        c => [new BaganObserver(c.Run, ((ImageData)c.Data).Images, c.Tag, c.Trainer.SampleEvery)]);

    public Bagan(ImageSpec spec, BaganOptions options, Rng rng) : base(spec, rng.Split())
    {
        BaganShapes.Check(spec);
        if (spec.ClassCount < 2) throw new ArgumentException("bagan needs a labelled data set with at least 2 classes");
        _options = options;
        var init = rng.Split();
        _generator = new BaganGenerator(spec, options, init);
        _encoder = new BaganHeaded(spec, options, options.LatentDim, init, Rng);
        Image = spec;
        _discriminator = new BaganHeaded(spec, options, spec.ClassCount + 1, init, Rng);
        Latent = new BaganLatent(spec.ClassCount, options.LatentDim);
        ClassRatios = new BaganClassRatios(spec.ClassCount);
        _optAutoencoder = options.Adam.Create([.. _encoder.Parameters(), .. _generator.Parameters()], options.AutoencoderLearningRate > 0 ? options.AutoencoderLearningRate : null);
        _optD = options.Adam.Create(_discriminator.Parameters());
        _optG = options.Adam.Create(_generator.Parameters());
    }

    public override string Name => "bagan";
    public override int LatentDim => _options.LatentDim;
    public override ConditionKind Conditioning => ConditionKind.Labels;
    public override object Options => _options;
    protected override Module Generator => _generator;

    /// <summary>The images the model is built for.</summary>
    public ImageSpec Image { get; }

    /// <summary>The class-conditional latent distribution (fitted at the end of pretraining).</summary>
    public BaganLatent Latent { get; }

    /// <summary>The class ratios of D's and G's generated samples (fitted at the end of pretraining).</summary>
    public BaganClassRatios ClassRatios { get; }

    /// <summary>The index of D's "fake" class: the number of real classes.</summary>
    public int FakeClass => Spec.ClassCount;

    /// <summary>G applied to the class-conditional latent μ_y + L_y·z, z being standard normal noise.</summary>
    protected override Tensor RunGenerator(Tensor z, Condition condition) => _generator.Call(Latent.Transform(z, ((LabelCondition)condition).Labels));

    /// <summary>G in ONNX with the class-conditional latent in the graph: N(0, 1) noise and a label in, μ_y + L_y·z into the decoder.</summary>
    public override GeneratorOnnx OnnxGenerator() => new([GeneratorInput.Noise(LatentDim), GeneratorInput.Label(Spec.ClassCount)],
        (graph, inputs) => new OnnxModuleExporter(graph, "generator", _generator)
            .Apply(_generator, Latent.ExportOnnx(new OnnxModuleExporter(graph, "latent", Latent), inputs[0], inputs[1])));

    /// <summary>Steps (1) and (2): the autoencoder epochs, then the class-conditional latent fitted on the whole training set.</summary>
    public override IReadOnlyList<TrainingPhase> Phases(TrainerOptions options) =>
        [new("autoencoder", _options.AutoencoderEpochs > 0 ? _options.AutoencoderEpochs : options.Epochs, AutoencoderStep, FitLatent)];

    private StepLosses AutoencoderStep(RealBatch real)
    {
        // ---- (1) autoencoder: G(E(x)) ≈ x on every class ----
        var reconstruction = Losses.MseLoss(_generator.Call(_encoder.Call(real.X)), real.X);
        return new StepLosses().Add("reconstruction", Update(_optAutoencoder, reconstruction));
    }

    private void FitLatent(TrainingData data)
    {
        // ---- D starts from the encoder's trunk; its (C + 1)-way head keeps its own initialisation ----
        _discriminator.Trunk.LoadStateDict(_encoder.Trunk.StateDict());
        // ---- (2) class-conditional latent generator: N(μ_c, Σ_c) of the codes of each class ----
        var codes = new float[data.Count * LatentDim];
        const int chunk = 256;
        for (var start = 0; start < data.Count; start += chunk)
        {
            var indices = Enumerable.Range(start, Math.Min(chunk, data.Count - start)).ToArray();
            Encode(data.Batch(indices, Range, 0).X).AsSpan().CopyTo(codes.AsSpan(start * LatentDim));
        }
        Latent.Fit(codes, data.Labels!);
        ClassRatios.Fit(_options.DiscriminatorSampling, _options.GeneratorSampling, data.ClassCounts());
    }

    public override StepLosses CriticStep(RealBatch batch)
    {
        var (real, labels, n) = (batch.X, batch.RequireLabels(Name), batch.Count);
        var fakes = FakeCount(n);
        // ---- (3a) D: real images as their class, ⌈B/C⌉ generated ones as "fake" ----
        var fakeLabels = ClassRatios.DrawForDiscriminator(fakes, Rng);
        Tensor fake;
        using (Autograd.NoGrad()) fake = Generate(Noise(fakes), Condition.Of(fakeLabels));
        var logits = _discriminator.Call(Tensor.Concat([real, fake], 0));
        var dReal = Losses.CrossEntropy(logits.Narrow(0, 0, n), labels, reduction: Reduction.Sum);
        var dFake = Losses.CrossEntropy(logits.Narrow(0, n, fakes), Enumerable.Repeat(FakeClass, fakes).ToArray(), reduction: Reduction.Sum);
        var d = Update(_optD, (dReal + dFake) / (n + fakes));
        return new StepLosses().Add("d", d).Add("d_real", dReal.Item() / n).Add("d_fake", dFake.Item() / fakes);
    }

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        // ---- (3b) G through D: each sample classified as the class it was drawn for ----
        var count = batchSize + FakeCount(batchSize);
        var labels = ClassRatios.DrawForGenerator(count, Rng);
        var g = Losses.CrossEntropy(_discriminator.Call(Judged(Generate(Noise(count), Condition.Of(labels)), labels)), labels);
        return new StepLosses().Add("g", Update(_optG, g));
    }

    /// <summary>E's codes of <paramref name="images"/> [N, C, H, W] in <see cref="GanModel.Range"/>, in eval mode without a graph.</summary>
    public Tensor Encode(Tensor images) => _encoder.Evaluated(() => _encoder.Call(images));

    /// <summary>G(E(x)), the autoencoded images, in eval mode without a graph.</summary>
    public Tensor Reconstruct(Tensor images) => _generator.Evaluated(() => _generator.Call(Encode(images)));

    public override void SummaryPass(RealBatch real)
    {
        _generator.Call(_encoder.Call(real.X));
        _discriminator.Call(Generate(Noise(real.Count), Condition.Of(real.RequireLabels(Name))));
    }

    public override IEnumerable<(string Name, Module Module)> Networks() =>
        [("generator", _generator), ("discriminator", _discriminator), ("encoder", _encoder), ("latent", Latent), ("class_ratios", ClassRatios)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() =>
        [("opt_autoencoder", _optAutoencoder), ("opt_d", _optD), ("opt_g", _optG)];

    /// <summary>The generated samples per D update, and the extra ones per G update: ⌈B/C⌉ as the reference.</summary>
    private int FakeCount(int batchSize) => (batchSize + Spec.ClassCount - 1) / Spec.ClassCount;
}
