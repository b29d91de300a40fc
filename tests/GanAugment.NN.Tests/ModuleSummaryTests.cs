using GanAugment.Tensors;

namespace GanAugment.NN.Tests;

public class ModuleSummaryTests
{
    // The MLP GAN seed's networks: G 100-256-512-1024-784 (Dense, LeakyReLU, BatchNorm; sigmoid), D 784-512-256-1.
    private static Sequential MlpGenerator(Rng rng) => new(
        new Linear(100, 256, rng), new LeakyReLU(0.2f), new BatchNorm1d(256),
        new Linear(256, 512, rng), new LeakyReLU(0.2f), new BatchNorm1d(512),
        new Linear(512, 1024, rng), new LeakyReLU(0.2f), new BatchNorm1d(1024),
        new Linear(1024, 784, rng), new Sigmoid());

    private static Sequential MlpDiscriminator(Rng rng) => new(
        new Flatten(),
        new Linear(784, 512, rng), new LeakyReLU(0.2f),
        new Linear(512, 256, rng), new LeakyReLU(0.2f),
        new Linear(256, 1, rng), new Sigmoid());

    [Fact]
    public void Mlp_generator_totals_match_the_seed_and_keras_counting_of_batch_norm()
    {
        var g = MlpGenerator(new Rng(1));
        var summary = ModuleSummary.Of(g, () => g.Call(Tensor.Zeros(16, 100)));
        Assert.Equal(1_493_520, summary.TotalParams);
        // γ and β trainable, running mean and variance not: 2·(256 + 512 + 1024) each.
        Assert.Equal(1_489_936, summary.TrainableParams);
        Assert.Equal(3_584, summary.NonTrainableParams);
        Assert.Equal(11, summary.Rows.Count);
        Assert.Equal(new ModuleSummaryRow("0", "Linear", [[16, 256]], 25_856, false), summary.Rows[0], RowComparer.Instance);
        Assert.Equal(new ModuleSummaryRow("2", "BatchNorm1d", [[16, 256]], 1_024, false), summary.Rows[2], RowComparer.Instance);
        Assert.Equal(new ModuleSummaryRow("10", "Sigmoid", [[16, 784]], 0, false), summary.Rows[10], RowComparer.Instance);
        Assert.Equal(summary.TotalParams, summary.Rows.Sum(r => r.ParamCount));
    }

    [Fact]
    public void Mlp_discriminator_totals_match_the_seed()
    {
        var d = MlpDiscriminator(new Rng(2));
        var summary = ModuleSummary.Of(d, () => d.Call(Tensor.Zeros(8, 1, 28, 28)));
        Assert.Equal(533_505, summary.TotalParams);
        Assert.Equal(533_505, summary.TrainableParams);
        Assert.Equal(0, summary.NonTrainableParams);
        Assert.Equal([8, 784], summary.Rows[0].OutputShapes.Single());
        Assert.Equal([8, 1], summary.Rows[^1].OutputShapes.Single());
        Assert.Equal(257, summary.Rows[5].ParamCount);
    }

    [Fact]
    public void Frozen_parameters_are_non_trainable()
    {
        var d = MlpDiscriminator(new Rng(3));
        d.RequiresGrad_(false);
        var summary = ModuleSummary.Of(d, () => d.Call(Tensor.Zeros(2, 784)));
        Assert.Equal(0, summary.TrainableParams);
        Assert.Equal(533_505, summary.NonTrainableParams);
    }

    [Fact]
    public void Conv_net_rows_carry_the_output_shapes()
    {
        var rng = new Rng(4);
        var net = new Sequential(
            new Conv2d(1, 8, 4, rng, stride: 2, padding: 1), new LeakyReLU(0.2f),
            new Conv2d(8, 16, 4, rng, stride: 2, padding: 1), new BatchNorm2d(16), new LeakyReLU(0.2f),
            new Flatten(), new Linear(16 * 7 * 7, 1, rng));
        var summary = ModuleSummary.Of(net, () => net.Call(Tensor.Zeros(5, 1, 28, 28)));
        Assert.Equal([[5, 8, 14, 14], [5, 8, 14, 14], [5, 16, 7, 7], [5, 16, 7, 7], [5, 16, 7, 7], [5, 784], [5, 1]],
            summary.Rows.Select(r => r.OutputShapes.Single()).ToArray());
        Assert.Equal(8 * 1 * 4 * 4 + 8, summary.Rows[0].ParamCount);
        Assert.Equal(5, summary.BatchSize);
    }

    [Fact]
    public void Transposed_conv_generator_rows()
    {
        var rng = new Rng(5);
        var g = new Sequential(new ConvTranspose2d(4, 2, 4, rng, stride: 2, padding: 1), new Tanh());
        var summary = ModuleSummary.Of(g, () => g.Call(Tensor.Zeros(3, 4, 7, 7)));
        Assert.Equal(["0 ConvTranspose2d [3, 2, 14, 14] 130", "1 Tanh [3, 2, 14, 14] 0"],
            summary.Rows.Select(r => $"{r.Name} {r.Type} {ShapeUtil.Format(r.OutputShapes.Single())} {r.ParamCount}").ToArray());
    }

    private sealed class ConditionalGenerator : Module<Tensor, int[], Tensor>
    {
        public ConditionalGenerator(Rng rng)
        {
            Labels = new Embedding(10, 6, rng);
            Body = new Linear(4 + 6, 12, rng);
        }

        public Embedding Labels { get; }

        public Linear Body { get; }

        public override Tensor Forward(Tensor input1, int[] input2) => Body.Call(Tensor.Concat([input1, Labels.Call(input2)], 1)).Tanh();
    }

    [Fact]
    public void Two_input_modules_are_seen_and_their_layers_named_by_path()
    {
        var g = new ConditionalGenerator(new Rng(6));
        var summary = ModuleSummary.Of(g, () => g.Call(Tensor.Zeros(3, 4), [0, 1, 2]));
        Assert.Equal(["labels Embedding", "body Linear"], summary.Rows.Select(r => $"{r.Name} {r.Type}").ToArray());
        Assert.Equal(60 + 120 + 12, summary.TotalParams);
    }

    private sealed class Critic : Module<Tensor, (Tensor Source, Tensor Class)>
    {
        public Critic(Rng rng)
        {
            Source = new Linear(3, 1, rng);
            Class = new Linear(3, 5, rng);
        }

        public Linear Source { get; }

        public Linear Class { get; }

        public override (Tensor Source, Tensor Class) Forward(Tensor input) => (Source.Call(input), Class.Call(input));
    }

    [Fact]
    public void Tuple_outputs_list_every_tensor_and_a_leaf_with_tuple_output_is_a_row()
    {
        var critic = new Critic(new Rng(7));
        var summary = ModuleSummary.Of(critic, () => critic.Call(Tensor.Zeros(2, 3)));
        Assert.Equal(["source", "class"], summary.Rows.Select(r => r.Name).ToArray());

        var lstm = new LSTM(3, 4, new Rng(8), numLayers: 2);
        var lstmSummary = ModuleSummary.Of(lstm, () => lstm.Call(Tensor.Zeros(6, 5, 3)));
        var row = Assert.Single(lstmSummary.Rows);
        Assert.Equal("LSTM", row.Type);
        Assert.Equal([[6, 5, 4], [2, 6, 4], [2, 6, 4]], row.OutputShapes);
        Assert.Equal(4 * 4 * (3 + 4 + 2) + 4 * 4 * (4 + 4 + 2), row.ParamCount);
    }

    [Fact]
    public void A_layer_called_twice_has_two_rows_and_counts_once()
    {
        var shared = new Linear(3, 3, new Rng(9));
        var net = new Sequential(shared, new ReLU(), shared);
        var summary = ModuleSummary.Of(net, () => net.Call(Tensor.Zeros(2, 3)));
        Assert.Equal([false, false, true], summary.Rows.Select(r => r.Repeated).ToArray());
        Assert.Equal(12, summary.TotalParams);
        Assert.EndsWith("shared", summary.Format().Split('\n')[6]);
    }

    [Fact]
    public void Calls_outside_the_root_get_no_rows()
    {
        var rng = new Rng(10);
        var g = new Sequential(new Linear(2, 3, rng));
        var d = new Sequential(new Linear(3, 1, rng), new Sigmoid());
        var summary = ModuleSummary.Of(d, () => d.Call(g.Call(Tensor.Zeros(4, 2))));
        Assert.Equal(["0 Linear", "1 Sigmoid"], summary.Rows.Select(r => $"{r.Name} {r.Type}").ToArray());
    }

    [Fact]
    public void Recording_is_off_outside_a_summary()
    {
        var g = MlpGenerator(new Rng(11));
        g.Call(Tensor.Zeros(2, 100));
        Assert.Null(CallRecorder.Active);
        var summary = ModuleSummary.Of(g, () => { });
        Assert.Empty(summary.Rows);
        Assert.Null(CallRecorder.Active);
        Assert.Equal(1_493_520, summary.TotalParams);
    }

    private sealed class Identity : Module<Tensor, Tensor>
    {
        public override Tensor Forward(Tensor input) => input;
    }

    [Fact]
    public void Call_allocates_nothing_when_no_summary_is_taken()
    {
        var layer = new Identity();
        var x = Tensor.Zeros(1);
        for (var i = 0; i < 100; i++) layer.Call(x);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) layer.Call(x);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void The_pass_changes_neither_running_statistics_nor_training_flags()
    {
        var g = MlpGenerator(new Rng(12));
        g[2].Eval();
        var before = g.StateDict().ToDictionary(p => p.Key, p => p.Value.AsSpan().ToArray());
        var summary = ModuleSummary.Of(g, () => g.Call(Tensor.Randn(new Rng(13), [4, 100])));
        Assert.NotEmpty(summary.Rows);
        foreach (var (name, value) in g.StateDict()) Assert.Equal(before[name], value.AsSpan().ToArray());
        Assert.Equal([true, true, true, false, true], g.Modules().Take(5).Select(m => m.Training).ToArray());
    }

    [Fact]
    public void Format_prints_a_keras_table()
    {
        var rng = new Rng(14);
        var net = new Sequential(new Linear(100, 1000, rng), new BatchNorm1d(1000), new Sigmoid());
        var text = ModuleSummary.Of(net, () => net.Call(Tensor.Zeros(7, 100))).Format();
        Assert.Equal(
            """
            Model: "Sequential"
            ________________________________________
            Layer (type)      Output Shape   Param #
            ========================================
            0 (Linear)        [N, 1000]      101,000
            1 (BatchNorm1d)   [N, 1000]        4,000
            2 (Sigmoid)       [N, 1000]            0
            ========================================
            Total params: 105,000
            Trainable params: 103,000
            Non-trainable params: 2,000
            ________________________________________

            """, text);
    }

    /// <summary>Rows compared by value (a record compares its shape list by reference).</summary>
    private sealed class RowComparer : IEqualityComparer<ModuleSummaryRow>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(ModuleSummaryRow? a, ModuleSummaryRow? b) =>
            a is not null && b is not null && a.Name == b.Name && a.Type == b.Type && a.ParamCount == b.ParamCount && a.Repeated == b.Repeated
            && a.OutputShapes.Count == b.OutputShapes.Count && a.OutputShapes.Zip(b.OutputShapes).All(p => p.First.SequenceEqual(p.Second));

        public int GetHashCode(ModuleSummaryRow row) => row.Name.GetHashCode(StringComparison.Ordinal);
    }
}
