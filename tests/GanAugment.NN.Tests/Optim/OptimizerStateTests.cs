using GanAugment.NN.Checkpoints;
using GanAugment.NN.Optim;
using GanAugment.NN.Tests.Checkpoints;
using GanAugment.Tensors;

namespace GanAugment.NN.Tests.Optim;

public sealed class OptimizerStateTests : IDisposable
{
    private const int Steps = 10;
    private const int StopAt = 5;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Optimizers() =>
    [
        "sgd", "sgd-momentum", "sgd-nesterov", "adam", "adam-amsgrad", "adamw", "rmsprop", "rmsprop-centered-momentum",
    ];

    private static Optimizer Make(string kind, IEnumerable<Parameter> ps) => kind switch
    {
        "sgd" => new Sgd(ps, lr: 0.05, weightDecay: 0.01),
        "sgd-momentum" => new Sgd(ps, lr: 0.05, momentum: 0.9, dampening: 0.1),
        "sgd-nesterov" => new Sgd(ps, lr: 0.05, momentum: 0.8, nesterov: true),
        "adam" => new Adam(ps, lr: 2e-4, beta1: 0.5, beta2: 0.999, weightDecay: 1e-3),
        "adam-amsgrad" => new Adam(ps, lr: 1e-3, beta1: 0, beta2: 0.9, amsgrad: true),
        "adamw" => new AdamW(ps, lr: 1e-3),
        "rmsprop" => new RmsProp(ps, lr: 5e-5),
        "rmsprop-centered-momentum" => new RmsProp(ps, lr: 1e-3, momentum: 0.5, centered: true, weightDecay: 0.01),
        _ => throw new ArgumentException(kind),
    };

    private static Parameter[] MakeParameters(Rng rng) =>
    [
        new(Tensor.Randn(rng, [3, 4])),
        new(Tensor.Randn(rng, [5])),
        new(Tensor.Scalar(0.25f)),
    ];

    /// <summary>Seeded gradients; parameter 1 has none at steps 2 and 6, so step counts differ.</summary>
    private static Tensor?[][] MakeGradients(Parameter[] shapes)
    {
        var rng = new Rng(7);
        var grads = new Tensor?[Steps][];
        for (var s = 0; s < Steps; s++)
        {
            grads[s] = shapes.Select(p => (Tensor?)Tensor.Randn(rng, p.ShapeArray)).ToArray();
            if (s is 2 or 6) grads[s][1] = null;
        }
        return grads;
    }

    private static void Run(Optimizer opt, Parameter[] ps, Tensor?[][] grads, int from, int to)
    {
        for (var s = from; s < to; s++)
        {
            if (s == 7) opt.LearningRate *= 0.5;
            for (var i = 0; i < ps.Length; i++) ps[i].Grad = grads[s][i]?.Clone();
            opt.Step();
            opt.ZeroGrad();
        }
    }

    private static Parameter[] Copy(Parameter[] ps) => ps.Select(p => new Parameter(p.Clone())).ToArray();

    private static int[] Bits(Parameter[] ps) =>
        ps.SelectMany(p => p.ToArray()).Select(BitConverter.SingleToInt32Bits).ToArray();

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void ResumingFromACheckpointEqualsUninterruptedSteppingBitForBit(string kind)
    {
        var start = MakeParameters(new Rng(3));
        var grads = MakeGradients(start);

        var straight = Copy(start);
        var uninterrupted = Make(kind, straight);
        Run(uninterrupted, straight, grads, 0, Steps);

        var first = Copy(start);
        var firstOpt = Make(kind, first);
        Run(firstOpt, first, grads, 0, StopAt);
        var path = _dir.File($"{kind}.safetensors");
        new Checkpoint().Add("opt", firstOpt.StateDict()).Save(path);

        var resumed = Copy(first);
        var resumedOpt = Make(kind, resumed);
        resumedOpt.LearningRate = 123;
        Checkpoint.Load(path).Restore("opt", resumedOpt);
        Assert.Equal(firstOpt.LearningRate, resumedOpt.LearningRate);
        Run(resumedOpt, resumed, grads, StopAt, Steps);

        Assert.Equal(Bits(straight), Bits(resumed));
        Assert.NotEqual(Bits(start), Bits(resumed));
    }

    [Fact]
    public void StateDictIsACopy()
    {
        var p = OptimTestUtil.Param(1f);
        var adam = new Adam([p]);
        OptimTestUtil.StepWith(adam, p, 0.5f);
        var state = adam.StateDict();
        var before = state.Tensors["state.0.exp_avg"].ToArray();
        OptimTestUtil.StepWith(adam, p, 0.5f);
        Assert.Equal(before, state.Tensors["state.0.exp_avg"].ToArray());
    }

    [Fact]
    public void LoadingRestoresFlagsAndTheirBuffers()
    {
        var p = OptimTestUtil.Param(1f, 2f);
        var ams = new Adam([p], amsgrad: true);
        OptimTestUtil.StepWith(ams, p, 0.5f, -0.5f);
        var plain = new Adam([OptimTestUtil.Param(0f, 0f)]);
        plain.LoadStateDict(ams.StateDict());
        Assert.True(plain.Amsgrad);
        Assert.Contains("state.0.max_exp_avg_sq", plain.StateDict().Tensors.Keys);
    }

    [Fact]
    public void StateOfAnotherOptimizerKindIsRejected()
    {
        var p = OptimTestUtil.Param(1f);
        var adam = new Adam([p]);
        OptimTestUtil.StepWith(adam, p, 0.5f);
        var e = Assert.Throws<CheckpointException>(() => new Sgd([p], lr: 0.1).LoadStateDict(adam.StateDict()));
        Assert.StartsWith("Sgd state:", e.Message);
    }

    [Fact]
    public void StateForOtherParametersIsRejected()
    {
        var p = OptimTestUtil.Param(1f, 2f, 3f);
        var adam = new Adam([p]);
        OptimTestUtil.StepWith(adam, p, 0.5f, 0.5f, 0.5f);
        var state = adam.StateDict();
        var shape = Assert.Throws<CheckpointException>(() => new Adam([OptimTestUtil.Param(1f, 2f)]).LoadStateDict(state));
        Assert.Contains("shape [3]", shape.Message);
        var count = Assert.Throws<CheckpointException>(() => new Adam([p, OptimTestUtil.Param(1f)]).LoadStateDict(state));
        Assert.Contains("saved for 1 parameters", count.Message);
    }

    [Fact]
    public void AFailedLoadChangesNothing()
    {
        var p = OptimTestUtil.Param(1f);
        var adam = new Adam([p], lr: 0.01);
        OptimTestUtil.StepWith(adam, p, 0.5f);
        var before = adam.StateDict();

        var scalars = new Dictionary<string, double>(before.Scalars) { ["lr"] = 5, ["amsgrad"] = 1 };
        var broken = new OptimizerState(before.Tensors, scalars); // amsgrad needs max_exp_avg_sq, missing here
        var e = Assert.Throws<CheckpointException>(() => adam.LoadStateDict(broken));
        Assert.Contains("max_exp_avg_sq", e.Message);

        Assert.Equal(0.01, adam.LearningRate);
        Assert.False(adam.Amsgrad);
        var after = adam.StateDict();
        Assert.Equal(before.Scalars, after.Scalars);
        Assert.Equal(before.Tensors["state.0.exp_avg"].ToArray(), after.Tensors["state.0.exp_avg"].ToArray());
    }

    [Fact]
    public void BadHyperParametersInAStateAreRejected()
    {
        var adam = new Adam([OptimTestUtil.Param(1f)]);
        var state = adam.StateDict();
        var scalars = new Dictionary<string, double>(state.Scalars) { ["beta1"] = 1.5 };
        var e = Assert.Throws<CheckpointException>(() => adam.LoadStateDict(new OptimizerState(state.Tensors, scalars)));
        Assert.Contains("beta1", e.Message);
        Assert.Equal(0.9, adam.Beta1);
    }
}
