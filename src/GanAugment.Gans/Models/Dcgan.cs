using GanAugment.Gans.Options;
using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>DCGAN options (Radford et al. 2016, https://arxiv.org/abs/1511.06434, §3-4).</summary>
public sealed record DcganOptions
{
    public ConvNetOptions Net { get; init; } = new();
    public AdamOptions Adam { get; init; } = new();

    public static OptionSchema<DcganOptions> Schema { get; } = new OptionSchema<DcganOptions>()
        .Include(ConvNetOptions.Schema, o => o.Net, (o, v) => o with { Net = v })
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v });
}

/// <summary>
/// DCGAN with the standard (non-saturating) GAN loss; as <c>cgan</c> (Mirza and Osindero 2014,
/// https://arxiv.org/abs/1411.1784) the one-hot label is given to G (with the noise) and to D (as
/// image planes), with the same losses and optimizers.
/// </summary>
public sealed class Dcgan : ConvGan
{
    private readonly DcganOptions _options;
    private readonly Adam _optG;
    private readonly Adam _optD;

    public static ModelEntry<DcganOptions> Entry { get; } = new("dcgan",
        "convolutional GAN (DCGAN conventions), square images of side 4..7 x 2^n (28, 32, 64, ...), grey or RGB",
        [Modality.Images], DcganOptions.Schema, new(), (s, o, r) => new Dcgan("dcgan", (ImageSpec)s, o, r));

    public static ModelEntry<DcganOptions> ConditionalEntry { get; } = new("cgan",
        "conditional DCGAN: the one-hot label goes to G and to D",
        [Modality.Images], DcganOptions.Schema, new() { Net = new(Conditional: true) }, (s, o, r) => new Dcgan("cgan", (ImageSpec)s, o, r));

    public Dcgan(string name, ImageSpec spec, DcganOptions options, Rng rng) : base(spec, options.Net, CriticNorm.Batch, rng)
    {
        Name = name;
        _options = options;
        _optG = options.Adam.Create(G.Parameters());
        _optD = options.Adam.Create(D.Parameters());
    }

    public override string Name { get; }
    public override object Options => _options;

    public override StepLosses CriticStep(RealBatch real)
    {
        var n = real.Count;
        // ---- D: real towards 1, generated towards 0 (one update on both halves) ----
        var fakeLabels = FakeLabels(n);
        var fake = DetachedFakes(fakeLabels);
        var dReal = Losses.BinaryCrossEntropyWithLogits(Critic(real.X, real.Labels), Tensor.Ones(n, 1));
        var dFake = Losses.BinaryCrossEntropyWithLogits(Critic(fake, fakeLabels), Tensor.Zeros(n, 1));
        Update(_optD, dReal + dFake);
        return new StepLosses().Add("d_real", dReal.Item()).Add("d_fake", dFake.Item());
    }

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        // ---- G: non-saturating loss -log D(G(z)), through D ----
        var g = UpdateGenerator(_optG, batchSize, (fake, labels) =>
            Losses.BinaryCrossEntropyWithLogits(Critic(fake, labels), Tensor.Ones(batchSize, 1)));
        return new StepLosses().Add("g", g);
    }

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];
}
