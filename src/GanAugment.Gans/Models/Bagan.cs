using GanAugment.Data.Images;
using GanAugment.Gans.Training;
using GanAugment.NN;
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
    public double LearningRate { get; init; } = 5e-5;

    /// <summary>Learning rate of the autoencoder phase; 0 means <see cref="LearningRate"/>, as the reference.</summary>
    public double AutoencoderLearningRate { get; init; }
    public double Beta1 { get; init; } = 0.5;
    public double Beta2 { get; init; } = 0.999;

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

    public Bagan(ImageSpec spec, BaganOptions options, Rng rng) : base(spec, rng.Split())
    {
        BaganShapes.Check(spec);
        if (spec.ClassCount < 2) throw new ArgumentException("bagan needs a labelled data set with at least 2 classes");
        if (options.LatentDim < 1 || options.Width < 1 || options.DenseWidth < 1 || options.EncoderWidth < 1 || options.KernelSize < 1 || options.AutoencoderEpochs < 0
            || !(options.LearningRate > 0) || !(options.AutoencoderLearningRate >= 0))
            throw new ArgumentException($"bagan options must be positive (autoencoder-epochs may be 0), got {options}");
        _options = options;
        var init = rng.Split();
        _generator = new BaganGenerator(spec, options, init);
        _encoder = new BaganHeaded(spec, options, options.LatentDim, init, Rng);
        _discriminator = new BaganHeaded(spec, options, spec.ClassCount + 1, init, Rng);
        Latent = new BaganLatent(spec.ClassCount, options.LatentDim);
        ClassRatios = new BaganClassRatios(spec.ClassCount);
        _optAutoencoder = Adam([.. _encoder.Parameters(), .. _generator.Parameters()], options.AutoencoderLearningRate > 0 ? options.AutoencoderLearningRate : options.LearningRate);
        _optD = Adam(_discriminator.Parameters(), options.LearningRate);
        _optG = Adam(_generator.Parameters(), options.LearningRate);
    }

    public override string Name => "bagan";
    public override int LatentDim => _options.LatentDim;
    public override bool IsConditional => true;
    public override object Options => _options;
    protected override Module Generator => _generator;

    /// <summary>The class-conditional latent distribution (fitted at the end of pretraining).</summary>
    public BaganLatent Latent { get; }

    /// <summary>The class ratios of D's and G's generated samples (fitted at the end of pretraining).</summary>
    public BaganClassRatios ClassRatios { get; }

    /// <summary>The index of D's "fake" class: the number of real classes.</summary>
    public int FakeClass => Spec.ClassCount;

    /// <summary>G applied to the class-conditional latent μ_y + L_y·z, z being standard normal noise.</summary>
    public override Tensor Generate(Tensor z, int[] labels) => _generator.Call(Latent.Transform(z, labels));

    public override int PretrainEpochs(TrainerOptions options) => _options.AutoencoderEpochs > 0 ? _options.AutoencoderEpochs : options.Epochs;

    public override StepLosses PretrainStep(Tensor real, int[] labels)
    {
        // ---- (1) autoencoder: G(E(x)) ≈ x on every class ----
        var reconstruction = Losses.MseLoss(_generator.Call(_encoder.Call(real)), real);
        _optAutoencoder.ZeroGrad();
        reconstruction.Backward();
        _optAutoencoder.Step();
        return new StepLosses().Add("reconstruction", reconstruction.Item());
    }

    public override void EndPretraining(ImageDataset data)
    {
        // ---- D starts from the encoder's trunk; its (C + 1)-way head keeps its own initialisation ----
        _discriminator.Trunk.LoadStateDict(_encoder.Trunk.StateDict());
        // ---- (2) class-conditional latent generator: N(μ_c, Σ_c) of the codes of each class ----
        var codes = new float[data.Count * LatentDim];
        const int chunk = 256;
        for (var start = 0; start < data.Count; start += chunk)
        {
            var indices = Enumerable.Range(start, Math.Min(chunk, data.Count - start)).ToArray();
            Encode(ImageBatch.From(data, indices, Range)).AsSpan().CopyTo(codes.AsSpan(start * LatentDim));
        }
        Latent.Fit(codes, data.Labels);
        ClassRatios.Fit(_options.DiscriminatorSampling, _options.GeneratorSampling, data.ClassCounts());
    }

    public override StepLosses CriticStep(Tensor real, int[] labels)
    {
        var n = real.Size(0);
        var fakes = FakeCount(n);
        // ---- (3a) D: real images as their class, ⌈B/C⌉ generated ones as "fake" ----
        var fakeLabels = ClassRatios.DrawForDiscriminator(fakes, Rng);
        Tensor fake;
        using (Autograd.NoGrad()) fake = Generate(Noise(fakes), fakeLabels);
        var logits = _discriminator.Call(Tensor.Concat([real, fake], 0));
        var dReal = Losses.CrossEntropy(logits.Narrow(0, 0, n), labels, reduction: Reduction.Sum);
        var dFake = Losses.CrossEntropy(logits.Narrow(0, n, fakes), Enumerable.Repeat(FakeClass, fakes).ToArray(), reduction: Reduction.Sum);
        var d = (dReal + dFake) / (n + fakes);
        _optD.ZeroGrad();
        d.Backward();
        _optD.Step();
        return new StepLosses().Add("d", d.Item()).Add("d_real", dReal.Item() / n).Add("d_fake", dFake.Item() / fakes);
    }

    public override StepLosses GeneratorStep(int batchSize)
    {
        // ---- (3b) G through frozen D: each sample classified as the class it was drawn for ----
        var count = batchSize + FakeCount(batchSize);
        var labels = ClassRatios.DrawForGenerator(count, Rng);
        SetTrainable(_discriminator, false);
        try
        {
            var g = Losses.CrossEntropy(_discriminator.Call(Generate(Noise(count), labels)), labels);
            _optG.ZeroGrad();
            g.Backward();
            _optG.Step();
            return new StepLosses().Add("g", g.Item());
        }
        finally
        {
            SetTrainable(_discriminator, true);
        }
    }

    /// <summary>E's codes of <paramref name="images"/> [N, C, H, W] in <see cref="GanModel.Range"/>, in eval mode without a graph.</summary>
    public Tensor Encode(Tensor images) => Evaluate(_encoder, () => _encoder.Call(images));

    /// <summary>G(E(x)), the autoencoded images, in eval mode without a graph.</summary>
    public Tensor Reconstruct(Tensor images) => Evaluate(_generator, () => _generator.Call(Encode(images)));

    public override IEnumerable<(string Name, Module Module)> Networks() =>
        [("generator", _generator), ("discriminator", _discriminator), ("encoder", _encoder), ("latent", Latent), ("class_ratios", ClassRatios)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() =>
        [("opt_autoencoder", _optAutoencoder), ("opt_d", _optD), ("opt_g", _optG)];

    /// <summary>The generated samples per D update, and the extra ones per G update: ⌈B/C⌉ as the reference.</summary>
    private int FakeCount(int batchSize) => (batchSize + Spec.ClassCount - 1) / Spec.ClassCount;

    private Adam Adam(IEnumerable<Parameter> parameters, double lr) =>
        new(parameters, lr: lr, beta1: _options.Beta1, beta2: _options.Beta2);

    private static Tensor Evaluate(Module module, Func<Tensor> run)
    {
        var wasTraining = module.Training;
        module.Eval();
        try
        {
            using (Autograd.NoGrad()) return run();
        }
        finally
        {
            module.Train(wasTraining);
        }
    }
}
