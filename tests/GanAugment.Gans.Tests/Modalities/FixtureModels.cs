using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Modalities;

/// <summary>
/// A two-layer MLP GAN on whatever one item is (an encoded table row, a sequence, an image),
/// conditioned on labels or on a source item, with BCE losses: a test fixture that shows a model
/// of each modality trains, checkpoints and resumes through the one trainer. The real table,
/// series and pair models come with their own issues.
/// </summary>
internal sealed class FixtureGan : GanModel
{
    private readonly Sequential _generator;
    private readonly Sequential _critic;
    private readonly Adam _optG;
    private readonly Adam _optD;
    private readonly ConditionKind _conditioning;
    private readonly int _condition;

    public FixtureGan(DataSpec spec, ConditionKind conditioning, Rng rng, int latent = 6, int hidden = 16) : base(spec, rng.Split())
    {
        _conditioning = conditioning;
        LatentDim = latent;
        _condition = conditioning switch { ConditionKind.Labels => spec.ClassCount, ConditionKind.Source => spec.Size, _ => 0 };
        var init = rng.Split();
        _generator = new Sequential(new Linear(latent + _condition, hidden, init), new ReLU(), new Linear(hidden, spec.Size, init), new Tanh());
        _critic = new Sequential(new Flatten(), new Linear(spec.Size + _condition, hidden, init), new LeakyReLU(0.2f), new Linear(hidden, 1, init));
        _optG = new Adam(_generator.Parameters(), lr: 1e-3);
        _optD = new Adam(_critic.Parameters(), lr: 1e-3);
    }

    public override string Name => "fixture-" + Spec.Modality.ToString().ToLowerInvariant();
    public override int LatentDim { get; }
    public override ConditionKind Conditioning => _conditioning;
    public override object Options => "";
    protected override Module Generator => _generator;

    protected override Tensor RunGenerator(Tensor z, Condition condition) =>
        _generator.Call(Tensor.Concat([z, .. ConditionColumns(condition, z.Size(0))], 1)).Reshape([z.Size(0), .. Spec.ItemShape]);

    public override StepLosses CriticStep(RealBatch real)
    {
        var n = real.Count;
        var condition = RealCondition(real);
        Tensor fake;
        using (Autograd.NoGrad()) fake = Generate(Noise(n), condition);
        var dReal = Losses.BinaryCrossEntropyWithLogits(Critic(real.X, condition), Tensor.Ones(n, 1));
        var dFake = Losses.BinaryCrossEntropyWithLogits(Critic(fake, condition), Tensor.Zeros(n, 1));
        Update(_optD, dReal + dFake);
        return new StepLosses().Add("d_real", dReal.Item()).Add("d_fake", dFake.Item());
    }

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        var condition = RealCondition(real);
        var n = real.Count;
        var g = Losses.BinaryCrossEntropyWithLogits(Critic(Generate(Noise(n), condition), condition), Tensor.Ones(n, 1));
        return new StepLosses().Add("g", Update(_optG, g));
    }

    public override IEnumerable<(string Name, Module Module)> Networks() => [("generator", _generator), ("discriminator", _critic)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];

    private Condition RealCondition(RealBatch real) => _conditioning switch
    {
        ConditionKind.Labels => Condition.Of(real.RequireLabels(Name)),
        ConditionKind.Source => Condition.OfSource(real.Source!),
        _ => Condition.None,
    };

    private Tensor Critic(Tensor x, Condition condition) =>
        _critic.Call(Tensor.Concat([x.Reshape(x.Size(0), -1), .. ConditionColumns(condition, x.Size(0))], 1));

    private Tensor[] ConditionColumns(Condition condition, int n) => condition switch
    {
        LabelCondition { Labels: var y } when _conditioning == ConditionKind.Labels => [Tensor.OneHot(y, Spec.ClassCount)],
        SourceCondition { Source: var s } => [s.Reshape(n, -1)],
        _ => [],
    };
}
