using GanAugment.Gans.Export;
using GanAugment.Gans.Options;
using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>The prior an adversarial autoencoder pushes its codes towards.</summary>
public enum AaePrior
{
    /// <summary>N(0, s²) in every dimension (the seed's example: s = 5).</summary>
    Gaussian,

    /// <summary>
    /// 10 equally weighted Gaussians of standard deviation s/10 with means on the circle of radius s
    /// in the first two dimensions (on [-s, s] of the one dimension of a 1-d code), 0 in the others.
    /// </summary>
    Mixture,

    /// <summary>Uniform on [-s, s] in every dimension.</summary>
    Uniform,
}

/// <summary>
/// Options of the adversarial autoencoder (Makhzani et al. 2016, https://arxiv.org/abs/1511.05644),
/// defaults as its MNIST setup and the survey seed's example: a 2-d code with a Gaussian prior of
/// standard deviation 5, encoder, decoder and code discriminator of two ReLU layers of 1,000 units.
/// The paper used SGD with momentum; here Adam, 1e-3 for the reconstruction and 2e-4 for the
/// adversarial updates (β1 0.5).
/// </summary>
public sealed record AaeOptions
{
    public int LatentDim { get; init; } = 2;
    public int Width { get; init; } = 1000;
    public int Depth { get; init; } = 2;
    public AaePrior Prior { get; init; } = AaePrior.Gaussian;

    /// <summary>s of the prior: the Gaussian's standard deviation, the mixture's radius, the uniform's half-width.</summary>
    public float PriorScale { get; init; } = 5f;

    /// <summary>Whether the decoder also gets the one-hot label, so that the code holds style only.</summary>
    public bool Supervised { get; init; }

    public AdamOptions Adam { get; init; } = new(LearningRate: 1e-3);

    /// <summary>Learning rate of the discriminator's and the encoder's adversarial updates.</summary>
    public double AdversarialLearningRate { get; init; } = 2e-4;

    public static OptionSchema<AaeOptions> Schema { get; } = new OptionSchema<AaeOptions>()
        .Int("latent-dim", "size of the code", o => o.LatentDim, (o, v) => o with { LatentDim = v }, min: 1)
        .Int("width", "units of each hidden layer of the encoder, decoder and discriminator", o => o.Width, (o, v) => o with { Width = v }, min: 1)
        .Int("depth", "hidden layers of each network", o => o.Depth, (o, v) => o with { Depth = v }, min: 1)
        .Enum("prior", "prior of the code: gaussian, mixture (10 Gaussians on a circle) or uniform", o => o.Prior, (o, v) => o with { Prior = v })
        .Float("prior-scale", "the prior's standard deviation (gaussian), radius (mixture) or half-width (uniform)", o => o.PriorScale, (o, v) => o with { PriorScale = v }, positive: true)
        .Bool("supervised", "feed the one-hot label to the decoder (the code then holds style only)", o => o.Supervised, (o, v) => o with { Supervised = v })
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v })
        .Double("adversarial-learning-rate", "Adam's step size of the discriminator and of the encoder's adversarial update", o => o.AdversarialLearningRate, (o, v) => o with { AdversarialLearningRate = v }, positive: true);
}

/// <summary>
/// The adversarial autoencoder: an encoder q(z|x) and a decoder p(x|z) trained on the mean squared
/// reconstruction error, and a discriminator on codes only that learns prior samples as real and
/// the encoder's codes as fake, while the encoder learns to make its codes pass as prior samples.
/// The paper's two phases per mini-batch fit the trainer's step: the critic step runs the
/// reconstruction update and then the discriminator's, the generator step the encoder's
/// adversarial update. Sampling decodes draws from the prior (with the asked label when supervised).
/// </summary>
public sealed class Aae : GanModel, IEncodingModel
{
    private readonly AaeOptions _options;
    private readonly LatentMlp _encoder;
    private readonly ItemDecoder _decoder;
    private readonly LatentMlp _discriminator;
    private readonly Adam _optAutoencoder;
    private readonly Adam _optD;
    private readonly Adam _optE;

    public static ModelEntry<AaeOptions> Entry { get; } = new("aae",
        "adversarial autoencoder: MLP encoder/decoder on reconstruction, code discriminator towards a prior (gaussian s=5, mixture, uniform); supervised=true feeds the label to the decoder",
        [Modality.Images, Modality.Table], AaeOptions.Schema, new(), (s, o, r) => new Aae(s, o, r),
        c => [new AaeObserver(c.Run, c.Data, c.Trainer.SampleEvery)]);

    public Aae(DataSpec spec, AaeOptions options, Rng rng) : base(spec, rng.Split())
    {
        if (options.Supervised && spec.ClassCount < 2) throw new ArgumentException("aae with supervised=true needs a labelled data set with at least 2 classes");
        _options = options;
        var init = rng.Split();
        var labels = options.Supervised ? spec.ClassCount : 0;
        _encoder = new LatentMlp(spec.Size, options.Width, options.Depth, options.LatentDim, 0f, null, init);
        _decoder = new ItemDecoder(spec, options.LatentDim + labels, options.Width, options.Depth, batchNorm: false, init);
        _discriminator = new LatentMlp(options.LatentDim, options.Width, options.Depth, 1, 0f, null, init);
        _optAutoencoder = options.Adam.Create([.. _encoder.Parameters(), .. _decoder.Parameters()]);
        _optD = options.Adam.Create(_discriminator.Parameters(), options.AdversarialLearningRate);
        _optE = options.Adam.Create(_encoder.Parameters(), options.AdversarialLearningRate);
    }

    public override string Name => "aae";
    public override int LatentDim => _options.LatentDim;
    public override ConditionKind Conditioning => _options.Supervised ? ConditionKind.Labels : ConditionKind.None;
    public override object Options => _options;
    protected override Module Generator => _decoder;
    public int FeatureSize => _options.LatentDim;

    /// <summary>Floats per input of the code discriminator (the code size: it never sees items).</summary>
    public int DiscriminatorInputs => _discriminator.InFeatures;

    /// <summary>Floats per input of the decoder (code, then the one-hot label when supervised).</summary>
    public int DecoderInputs => _decoder.InFeatures;

    /// <summary>The decoder of <paramref name="code"/> (with the one-hot <paramref name="labels"/> when supervised).</summary>
    private Tensor Decoder(Tensor code, int[]? labels) =>
        _options.Supervised ? _decoder.Call(Tensor.Concat([code, Tensor.OneHot(labels!, Spec.ClassCount)], 1)) : _decoder.Call(code);

    protected override Tensor RunGenerator(Tensor z, Condition condition) =>
        Decoder(z, _options.Supervised ? ((LabelCondition)condition).Labels : null);

    public override StepLosses CriticStep(RealBatch batch)
    {
        var (x, n) = (batch.X, batch.Count);
        var labels = _options.Supervised ? batch.RequireLabels(Name) : null;
        // ---- Reconstruction phase: encoder and decoder on ‖x − p(q(x))‖² ----
        var reconstruction = Losses.MseLoss(Decoder(_encoder.Call(x), labels), x);
        Update(_optAutoencoder, reconstruction);

        // ---- Regularization phase, discriminator: prior samples towards 1, codes towards 0 ----
        Tensor codes;
        using (Autograd.NoGrad()) codes = _encoder.Call(x);
        var dPrior = Losses.BinaryCrossEntropyWithLogits(_discriminator.Call(Noise(n)), Tensor.Ones(n, 1));
        var dCode = Losses.BinaryCrossEntropyWithLogits(_discriminator.Call(codes), Tensor.Zeros(n, 1));
        Update(_optD, dPrior + dCode);
        return new StepLosses().Add("reconstruction", reconstruction.Item()).Add("d_prior", dPrior.Item()).Add("d_code", dCode.Item());
    }

    public override StepLosses GeneratorStep(RealBatch batch, int batchSize)
    {
        // ---- Regularization phase, encoder as generator: its codes called prior samples ----
        var eAdversarial = Losses.BinaryCrossEntropyWithLogits(_discriminator.Call(_encoder.Call(batch.X)), Tensor.Ones(batch.Count, 1));
        return new StepLosses().Add("e", Update(_optE, eAdversarial));
    }

    /// <summary>The decoder in ONNX: a draw of the prior (outside the graph: the noise input says how) and, when supervised, the label.</summary>
    public override GeneratorOnnx OnnxGenerator()
    {
        var s = _options.PriorScale.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var noise = GeneratorInput.Noise(LatentDim, _options.Prior switch
        {
            AaePrior.Gaussian => $"the prior N(0, {s}^2)",
            AaePrior.Uniform => $"the prior U(-{s}, {s})",
            _ => $"the prior: N(0, ({s}/10)^2) plus, for a mode k uniform in 0..9, {s}·(cos 2πk/10, sin 2πk/10) on the first two columns (on one column: {s}·(2k/9 - 1))",
        });
        return new(_options.Supervised ? [noise, GeneratorInput.Label(Spec.ClassCount)] : [noise], (graph, inputs) =>
            new OnnxModuleExporter(graph, "decoder", _decoder).Apply(_decoder,
                _options.Supervised ? OnnxBlocks.NoiseWithLabels(graph, inputs[0], inputs[1], Spec.ClassCount) : inputs[0]));
    }

    /// <summary>Draws from the prior, [count, latent].</summary>
    protected override Tensor NoiseFrom(Rng rng, int count)
    {
        var (latent, s) = (LatentDim, _options.PriorScale);
        switch (_options.Prior)
        {
            case AaePrior.Gaussian: return Tensor.Randn(rng, [count, latent], std: s);
            case AaePrior.Uniform: return Tensor.Rand(rng, [count, latent], -s, s);
        }
        var z = Tensor.Randn(rng, [count, latent], std: s / 10f);
        var values = z.AsSpan();
        for (var i = 0; i < count; i++)
        {
            var k = rng.NextInt(10);
            if (latent == 1) values[i] += s * (2f * k / 9f - 1f);
            else
            {
                values[i * latent] += s * MathF.Cos(2 * MathF.PI * k / 10);
                values[i * latent + 1] += s * MathF.Sin(2 * MathF.PI * k / 10);
            }
        }
        return z;
    }

    /// <summary><paramref name="count"/> draws from the prior, [count, latent].</summary>
    public Tensor Prior(int count, Rng rng) => NoiseFrom(rng, count);

    /// <summary>Half the side of the square of codes the lattice grid covers: where the prior puts almost all its mass.</summary>
    public float LatticeExtent => _options.Prior switch
    {
        AaePrior.Gaussian => 2f * _options.PriorScale,
        AaePrior.Uniform => _options.PriorScale,
        _ => 1.2f * _options.PriorScale,
    };

    /// <summary>Whether the decoder takes labels.</summary>
    public bool Supervised => _options.Supervised;

    /// <summary>The codes q(x) [N, latent], in eval mode without a graph.</summary>
    public Tensor Encode(Tensor items) => _encoder.Evaluated(() => _encoder.Call(items));

    /// <summary>Decoded items for codes <paramref name="z"/> (and labels when supervised), in eval mode without a graph.</summary>
    public Tensor Decode(Tensor z, int[]? labels = null) => _decoder.Evaluated(() => Decoder(z, labels));

    public override void SummaryPass(RealBatch real)
    {
        var labels = _options.Supervised ? real.RequireLabels(Name) : null;
        Decoder(_encoder.Call(real.X), labels);
        _discriminator.Call(Noise(real.Count));
    }

    public override IEnumerable<(string Name, Module Module)> Networks() =>
        [("encoder", _encoder), ("decoder", _decoder), ("discriminator", _discriminator)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() =>
        [("opt_autoencoder", _optAutoencoder), ("opt_d", _optD), ("opt_e", _optE)];
}
