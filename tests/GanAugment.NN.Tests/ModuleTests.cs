using GanAugment.Tensors;

namespace GanAugment.NN.Tests;

public class ModuleTests
{
    private sealed class Block : Module<Tensor, Tensor>
    {
        public Block(Rng rng)
        {
            Main = new Sequential(new Linear(2, 3, rng), new ReLU(), new Linear(3, 1, rng, bias: false));
            Norm = new BatchNorm1d(1);
        }

        public Sequential Main { get; }

        public BatchNorm1d Norm { get; }

        public override Tensor Forward(Tensor input) => Norm.Call(Main.Call(input));
    }

    private sealed class Holder : Module
    {
        private readonly Parameter _scale = new(Tensor.Ones(1));
        private readonly Tensor _counter = Tensor.Zeros(1);
        private readonly Linear[] _heads;
        private readonly List<Parameter?> _extras;

        public Holder(Rng rng)
        {
            _heads = [new Linear(1, 1, rng), new Linear(1, 1, rng, bias: false)];
            _extras = [null, new Parameter(Tensor.Zeros(2))];
            Shared = _heads[1];
        }

        public Linear Shared { get; }

        public Parameter Scale => _scale;

        public Tensor Counter => _counter;

        public IReadOnlyList<Parameter?> Extras => _extras;
    }

    [Fact]
    public void Parameters_are_named_by_member_and_sequential_index_in_declaration_order()
    {
        var block = new Block(new Rng(1));
        var names = block.NamedParameters().Select(p => p.Name).ToArray();
        Assert.Equal(["main.0.weight", "main.0.bias", "main.2.weight", "norm.weight", "norm.bias"], names);
        Assert.Equal(["norm.running_mean", "norm.running_var"], block.NamedBuffers().Select(b => b.Name).ToArray());
    }

    [Fact]
    public void Arrays_and_lists_are_indexed_nulls_skipped_and_shared_tensors_listed_once()
    {
        var holder = new Holder(new Rng(2));
        // A module's own tensors come before its children's, as in PyTorch.
        Assert.Equal(["scale", "extras.1", "heads.0.weight", "heads.0.bias", "heads.1.weight"],
            holder.NamedParameters().Select(p => p.Name).ToArray());
        Assert.Equal(["counter"], holder.NamedBuffers().Select(b => b.Name).ToArray());
        Assert.Same(holder.Scale, holder.Parameters().First());
        Assert.Equal(["", "heads.0", "heads.1"], holder.NamedModules().Select(m => m.Name).ToArray());
    }

    [Fact]
    public void Snake_case_of_member_names()
    {
        Assert.Equal("running_mean", ModuleMembers.SnakeCase("RunningMean"));
        Assert.Equal("weight_ih", ModuleMembers.SnakeCase("weightIh"));
        Assert.Equal("lstm_layer", ModuleMembers.SnakeCase("LSTMLayer"));
        Assert.Equal("weight", ModuleMembers.SnakeCase("weight"));
    }

    [Fact]
    public void Train_and_eval_reach_every_descendant()
    {
        var block = new Block(new Rng(3));
        Assert.True(block.Modules().All(m => m.Training));
        block.Eval();
        Assert.True(block.Modules().All(m => !m.Training));
        Assert.Equal(6, block.Modules().Count());
        block.Train();
        Assert.True(block.Main[1].Training);
    }

    [Fact]
    public void ZeroGrad_clears_and_RequiresGrad_freezes()
    {
        var block = new Block(new Rng(4));
        block.Call(Tensor.Randn(new Rng(5), [4, 2])).Sum().Backward();
        Assert.All(block.Parameters(), p => Assert.NotNull(p.Grad));
        block.ZeroGrad();
        Assert.All(block.Parameters(), p => Assert.Null(p.Grad));

        block.RequiresGrad_(false);
        Assert.All(block.Parameters(), p => Assert.False(p.RequiresGrad));
        Assert.False(block.Call(Tensor.Randn(new Rng(6), [4, 2])).RequiresGrad);
        block.RequiresGrad_(true);
        Assert.All(block.Parameters(), p => Assert.True(p.RequiresGrad));
    }

    [Fact]
    public void Apply_visits_descendants_before_the_module()
    {
        var block = new Block(new Rng(7));
        var visited = new List<Module>();
        block.Apply(visited.Add);
        Assert.Equal(6, visited.Count);
        Assert.Same(block, visited[^1]);
    }
}
