using GanAugment.Gans.Export;
using GanAugment.Gans.Options;
using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>What the RCGAN generator reads as noise at each step.</summary>
public enum RcganLatent
{
    /// <summary>A fresh noise vector per step, z [N, T, L] (the RGAN paper).</summary>
    PerStep,

    /// <summary>One noise vector per series repeated over the steps, z [N, L]; with L = 2 the latent space can be walked.</summary>
    Fixed,
}

/// <summary>The adversarial loss of RGAN/RCGAN.</summary>
public enum RcganLoss
{
    /// <summary>Binary cross-entropy of a real/fake logit per step, averaged over steps and series (the paper).</summary>
    Gan,

    /// <summary>Wasserstein loss on the per-step scores averaged over steps, with the gradient penalty at interpolated series.</summary>
    WganGp,
}

/// <summary>How the RCGAN discriminator is optimised.</summary>
public enum RcganDOptimizer
{
    /// <summary>Plain gradient descent at <c>d-learning-rate</c> (the authors' code: lr 0.1).</summary>
    Sgd,

    /// <summary>Adam with the generator's hyper-parameters.</summary>
    Adam,
}

/// <summary>
/// Options of the recurrent (conditional) GAN of Esteban, Hyland and Rätsch 2017,
/// https://arxiv.org/abs/1706.02633, with the defaults of the authors' code (ratschlab/RGAN):
/// 100 hidden units in G and D, a 5-D noise vector per step, 5 critic updates per generator update,
/// D trained by plain gradient descent (lr 0.1) and G by Adam at TensorFlow's defaults (lr 1e-3,
/// β = (0.9, 0.999)).
/// </summary>
public sealed record RcganOptions
{
    public bool Conditional { get; init; } = true;
    public int Hidden { get; init; } = 100;
    public int Layers { get; init; } = 1;
    public int LatentDim { get; init; } = 5;
    public RcganLatent Latent { get; init; } = RcganLatent.PerStep;
    public RcganLoss Loss { get; init; } = RcganLoss.Gan;
    /// <summary>Penalty weight λ of the WGAN-GP loss.</summary>
    public float Lambda { get; init; } = 10f;
    public int CriticSteps { get; init; } = 5;
    public RcganDOptimizer DOptimizer { get; init; } = RcganDOptimizer.Sgd;
    public double DLearningRate { get; init; } = 0.1;
    public AdamOptions Adam { get; init; } = new(LearningRate: 1e-3, Beta1: 0.9, Beta2: 0.999);

    public static OptionSchema<RcganOptions> Schema { get; } = new OptionSchema<RcganOptions>()
        .Bool("conditional", "give the one-hot class to G and D at every step (rcgan) or not (rgan)", o => o.Conditional, (o, v) => o with { Conditional = v })
        .Int("hidden", "hidden units of the LSTMs of G and D", o => o.Hidden, (o, v) => o with { Hidden = v }, min: 1)
        .Int("layers", "stacked LSTM layers in G and in D", o => o.Layers, (o, v) => o with { Layers = v }, min: 1)
        .Int("latent-dim", "size of the noise vector (per step, or per series when latent=fixed)", o => o.LatentDim, (o, v) => o with { LatentDim = v }, min: 1)
        .Enum("latent", "noise per step, or one vector repeated over time (fixed; with latent-dim=2 the run writes latent_walk_<class>.png)", o => o.Latent, (o, v) => o with { Latent = v })
        .Enum("loss", "per-step binary cross-entropy (gan) or the Wasserstein loss with gradient penalty (wgan-gp)", o => o.Loss, (o, v) => o with { Loss = v })
        .Float("lambda", "weight λ of the gradient penalty (loss=wgan-gp)", o => o.Lambda, (o, v) => o with { Lambda = v })
        .Int("critic-steps", "critic updates per generator update (the authors' D_rounds)", o => o.CriticSteps, (o, v) => o with { CriticSteps = v }, min: 1)
        .Enum("d-optimizer", "the discriminator's optimiser: plain gradient descent (sgd, the authors') or Adam with G's settings", o => o.DOptimizer, (o, v) => o with { DOptimizer = v })
        .Double("d-learning-rate", "the discriminator's gradient-descent step size (d-optimizer=sgd)", o => o.DLearningRate, (o, v) => o with { DLearningRate = v }, positive: true)
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v });
}

/// <summary>
/// RGAN and RCGAN: an LSTM generator reads noise (and the one-hot class) at every step and emits
/// x_t = tanh(W·h_t + b); an LSTM discriminator reads the series (and the class) and gives a
/// real/fake logit per step. The GAN loss is the binary cross-entropy of every step's logit,
/// averaged over steps and series: D = BCE(D(x), 1) + BCE(D(G(z)), 0), G = BCE(D(G(z)), 1).
/// The WGAN-GP loss scores a series by its per-step scores averaged over steps and penalises that
/// score's gradient (double backward through both LSTMs). When the series carry static attributes
/// (<see cref="SequenceSpec.Attributes"/>), their scaled vector joins the condition at every step
/// of G and D, in training the real batch's; a sample not given its attributes gets those of a
/// real series of its class (<see cref="Complete"/>).
/// </summary>
public sealed class Rcgan : GanModel
{
    private readonly RcganOptions _options;
    private readonly string _name;
    private readonly RcganGenerator _generator;
    private readonly RcganDiscriminator _discriminator;
    private readonly Adam _optG;
    private readonly Optimizer _optD;

    public static ModelEntry<RcganOptions> Entry { get; } = new("rcgan",
        "recurrent conditional GAN (Esteban et al. 2017): LSTM G and D, the class at every step, per-step BCE or WGAN-GP",
        [Modality.Sequences], RcganOptions.Schema, new(), (s, o, r) => new Rcgan("rcgan", (SequenceSpec)s, o, r),
        c => [new RcganLatentWalk(c.Run), new RcganAttributeSweep(c.Run)]);

    public static ModelEntry<RcganOptions> UnconditionalEntry { get; } = new("rgan",
        "recurrent GAN (Esteban et al. 2017): LSTM G and D, a real/fake logit per step, per-step BCE or WGAN-GP",
        [Modality.Sequences], RcganOptions.Schema, new() { Conditional = false }, (s, o, r) => new Rcgan("rgan", (SequenceSpec)s, o, r),
        c => [new RcganLatentWalk(c.Run), new RcganAttributeSweep(c.Run)]);

    public Rcgan(string name, SequenceSpec spec, RcganOptions options, Rng rng) : base(spec, rng.Split())
    {
        if (options.Conditional && spec.ClassCount < 2)
            throw new ArgumentException($"{name} with conditional=true needs labelled sequences of at least 2 classes; rgan trains without labels");
        _options = options;
        _name = name;
        var condition = (options.Conditional ? spec.ClassCount : 0) + spec.AttributeCount;
        var init = rng.Split();
        _generator = new RcganGenerator(options.LatentDim, condition, options.Hidden, options.Layers, spec.Length, spec.Features, init);
        _discriminator = new RcganDiscriminator(spec.Features, condition, options.Hidden, options.Layers, init);
        _optG = options.Adam.Create(_generator.Parameters());
        _optD = options.DOptimizer == RcganDOptimizer.Sgd
            ? new Sgd(_discriminator.Parameters(), options.DLearningRate)
            : options.Adam.Create(_discriminator.Parameters());
    }

    public override string Name => _name;
    public override int LatentDim => _options.LatentDim;
    public override ConditionKind Conditioning => _options.Conditional ? ConditionKind.Labels : ConditionKind.None;

    /// <summary>The static attributes the model is conditioned on, or null.</summary>
    public SeriesAttributes? Attributes => Sequences.Attributes;
    public override object Options => _options;
    public override int CriticSteps => _options.CriticSteps;
    protected override Module Generator => _generator;

    /// <summary>The sequences the model makes.</summary>
    public SequenceSpec Sequences => (SequenceSpec)Spec;

    /// <summary>Whether the latent space is 2-D and fixed over time, so that a lattice of it can be decoded (<see cref="RcganLatentWalk"/>).</summary>
    public bool CanWalkLatent => _options is { Latent: RcganLatent.Fixed, LatentDim: 2 };

    public override StepLosses CriticStep(RealBatch real)
    {
        var (labels, attributes) = (LabelsOf(real), AttributesOf(real));
        Tensor fake;
        using (Autograd.NoGrad()) fake = Generate(Noise(real.Count), ConditionOf(labels, attributes, real.Count));
        if (_options.Loss == RcganLoss.WganGp)
        {
            // ---- Critic: Wasserstein estimate on step-averaged scores, plus the penalty at interpolates ----
            var criticReal = Critic(real.X, labels, attributes).Mean();
            var criticFake = CriticOnFake(fake, labels, attributes).Mean();
            var penalty = GradientPenalty.Compute(x => Critic(x, labels, attributes).Mean(1), real.X, fake, Rng, _options.Lambda);
            var dLoss = Update(_optD, criticFake - criticReal + penalty);
            return new StepLosses().Add("d", dLoss).Add("wasserstein", criticReal.Item() - criticFake.Item()).Add("gp", penalty.Item());
        }
        // ---- Discriminator: every step of a real series towards 1, of a generated one towards 0 ----
        var dReal = PerStepBce(Critic(real.X, labels, attributes), 1f);
        var dFake = PerStepBce(CriticOnFake(fake, labels, attributes), 0f);
        Update(_optD, dReal + dFake);
        return new StepLosses().Add("d_real", dReal.Item()).Add("d_fake", dFake.Item());
    }

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        // ---- Generator: series of the real batch's classes (and attributes), judged step by step through D ----
        var (labels, attributes) = (LabelsOf(real), AttributesOf(real));
        var count = labels?.Length ?? attributes?.Size(0) ?? batchSize;
        var scores = CriticOnFake(Generate(Noise(count), ConditionOf(labels, attributes, count)), labels, attributes);
        var gLoss = _options.Loss == RcganLoss.WganGp ? -scores.Mean() : PerStepBce(scores, 1f);
        return new StepLosses().Add("g", Update(_optG, gLoss));
    }

    /// <summary>
    /// Binary cross-entropy of per-step logits [N, T] against one target, averaged over all N·T
    /// steps: the RGAN paper's loss (mean over steps and series).
    /// </summary>
    internal static Tensor PerStepBce(Tensor logits, float target) =>
        Losses.BinaryCrossEntropyWithLogits(logits, Tensor.Full(target, logits.ShapeArray));

    /// <summary>The critic's per-step logits [N, T] for series <paramref name="x"/> of classes <paramref name="labels"/> and scaled static attributes <paramref name="attributes"/> [N, A].</summary>
    internal Tensor Critic(Tensor x, int[]? labels, Tensor? attributes = null) => _discriminator.Call(x, StepCondition(labels, attributes));

    private Tensor CriticOnFake(Tensor fake, int[]? labels, Tensor? attributes) =>
        Critic(labels is null ? fake : Judged(fake, labels), labels, attributes);

    private int[]? LabelsOf(RealBatch real) => _options.Conditional ? real.RequireLabels(Name) : null;

    private Tensor? AttributesOf(RealBatch real) => Attributes is null ? null
        : real.Attributes ?? throw new InvalidOperationException($"{Name} was built for series with static attributes ({string.Join(", ", Attributes.Names)}); the batch has none");

    private static Condition ConditionOf(int[]? labels, Tensor? attributes, int count) =>
        attributes is not null ? new SeriesCondition(labels ?? new int[count], attributes)
        : labels is null ? Condition.None : Condition.Of(labels);

    /// <summary>What G and D read at every step besides noise or series: the one-hot class (conditional) and the scaled attributes, [N, C + A]; null when neither.</summary>
    private Tensor? StepCondition(int[]? labels, Tensor? attributes)
    {
        var oneHot = labels is null ? null : Tensor.OneHot(labels, Spec.ClassCount);
        return (oneHot, attributes) switch
        {
            (null, null) => null,
            (_, null) => oneHot,
            (null, _) => attributes,
            _ => Tensor.Concat([oneHot!, attributes!], 1),
        };
    }

    /// <summary>
    /// Draws the static attributes a series condition lacks: per sample, the vector of a real
    /// series of its class (any class when the model is unconditional), with the attributes named
    /// in <see cref="SeriesCondition.Where"/> fixed. Models without attributes take the condition as it is.
    /// </summary>
    public override Condition Complete(Condition condition, Rng rng)
    {
        if (Attributes is null)
            return condition is SeriesCondition { Where.Count: > 0 } ? throw new ArgumentException($"{Name} was trained on series without static attributes; none can be fixed") : condition;
        if (condition is SeriesCondition { Attributes: { } given })
            return given.ShapeArray is [var n, var a] && n == condition.Count && a == Attributes.Count ? condition
                : throw new ArgumentException($"static attributes of shape [{string.Join(", ", given.ShapeArray)}] given for {condition.Count} series of {Attributes.Count} attributes");
        var labels = condition is LabelCondition { Labels: var y } ? y
            : throw new ArgumentException($"{Name} draws static attributes per series; give the number of series (labels) to draw them for");
        return new SeriesCondition(labels, Attributes.Draw(labels.Length, _options.Conditional ? labels : null, rng, (condition as SeriesCondition)?.Where));
    }

    public override IEnumerable<(string Name, Module Module)> Networks() => [("generator", _generator), ("discriminator", _discriminator)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];

    // ---- Sampling: noise [N, T, L] per step or [N, L] fixed, the class one-hot at every step ----
    protected override Tensor NoiseFrom(Rng rng, int count) => _options.Latent == RcganLatent.PerStep
        ? Tensor.Randn(rng, [count, Sequences.Length, _options.LatentDim])
        : Tensor.Randn(rng, [count, _options.LatentDim]);

    /// <summary>
    /// G in ONNX: the noise as drawn here (per step [N, T, L] or fixed [N, L]), the label when
    /// conditional, and the scaled static attributes [N, A] when the series have them; the LSTM in the graph.
    /// </summary>
    public override GeneratorOnnx OnnxGenerator()
    {
        var perStep = _options.Latent == RcganLatent.PerStep;
        var noise = perStep
            ? new GeneratorInput("noise", OnnxType.Float, [Sequences.Length, LatentDim], "noise per series and step, each value drawn from N(0, 1)", (z, _) => GeneratorFeed.Floats("noise", z))
            : GeneratorInput.Noise(LatentDim);
        var attributes = Attributes is null ? null : new GeneratorInput("attributes", OnnxType.Float, [Attributes.Count],
            $"static attributes per series ({string.Join(", ", Attributes.Names)}), each scaled from [min, max] of data.Attributes into [-1, 1]",
            (_, c) => GeneratorFeed.Floats("attributes", ((SeriesCondition)c).Attributes!));
        GeneratorInput[] inputs = [noise, .. _options.Conditional ? [GeneratorInput.Label(Spec.ClassCount)] : Array.Empty<GeneratorInput>(),
            .. attributes is null ? Array.Empty<GeneratorInput>() : [attributes]];
        return new(inputs, (graph, names) =>
        {
            string[] parts = [.. _options.Conditional ? [OnnxBlocks.OneHot(graph, names[1], Spec.ClassCount)] : Array.Empty<string>(),
                .. attributes is null ? Array.Empty<string>() : [names[^1]]];
            return _generator.ExportOnnx(new OnnxModuleExporter(graph, "generator", _generator), names[0], perStep,
                parts.Length == 0 ? null : OnnxBlocks.ConcatLast(graph, parts));
        });
    }

    protected override Tensor RunGenerator(Tensor z, Condition condition)
    {
        var labels = !_options.Conditional ? null
            : condition is LabelCondition { Labels: var y } ? y : throw new ArgumentException($"{Name} generates series of given classes; give labels");
        var attributes = Attributes is null ? null
            : condition is SeriesCondition { Attributes: { } a } ? a : throw new ArgumentException($"{Name} generates series of given static attributes; complete the condition first");
        return _generator.Call(z, StepCondition(labels, attributes));
    }
}
