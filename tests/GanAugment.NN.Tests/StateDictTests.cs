using GanAugment.Tensors;

namespace GanAugment.NN.Tests;

public class StateDictTests
{
    private static Sequential Net(int seed) => new(new Linear(2, 3, new Rng(seed)), new BatchNorm1d(3), new Tanh(), new Linear(3, 1, new Rng(seed + 1)));

    [Fact]
    public void Round_trip_copies_parameters_and_buffers()
    {
        var source = Net(1);
        source.Call(Tensor.Randn(new Rng(9), [5, 2]));    // moves the running statistics off their start
        var target = Net(50);
        var keep = target.Parameters().First();

        var result = target.LoadStateDict(source.StateDict());

        Assert.Empty(result.MissingKeys);
        Assert.Empty(result.UnexpectedKeys);
        Assert.Same(keep, target.Parameters().First());
        Assert.Equal(
            ["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "3.weight", "3.bias"],
            target.StateDict().Keys.ToArray());
        foreach (var (name, t) in source.StateDict())
            Assert.Equal(t.ToArray(), target.StateDict()[name].ToArray());
        var x = Tensor.Randn(new Rng(10), [4, 2]);
        source.Eval();
        target.Eval();
        Assert.Equal(source.Call(x).ToArray(), target.Call(x).ToArray());
    }

    [Fact]
    public void State_dict_values_share_storage_and_are_detached()
    {
        var net = Net(2);
        var weight = net.StateDict()["0.weight"];
        Assert.False(weight.RequiresGrad);
        weight.AsSpan()[0] = 42f;
        Assert.Equal(42f, net.Parameters().First().AsSpan()[0]);
    }

    [Fact]
    public void Missing_and_unexpected_keys_are_listed_in_one_error()
    {
        var state = Net(3).StateDict();
        state.Remove("3.bias");
        state.Add("4.weight", Tensor.Zeros(1));
        var error = Assert.Throws<InvalidOperationException>(() => Net(4).LoadStateDict(state));
        Assert.Contains("missing keys: 3.bias", error.Message);
        Assert.Contains("unexpected keys: 4.weight", error.Message);
    }

    [Fact]
    public void Non_strict_load_reports_the_keys_and_loads_the_rest()
    {
        var source = Net(5);
        var state = source.StateDict();
        state.Remove("3.bias");
        state.Add("extra", Tensor.Zeros(1));
        var target = Net(6);
        var result = target.LoadStateDict(state, strict: false);
        Assert.Equal(["3.bias"], result.MissingKeys);
        Assert.Equal(["extra"], result.UnexpectedKeys);
        Assert.Equal(source.StateDict()["3.weight"].ToArray(), target.StateDict()["3.weight"].ToArray());
    }

    [Fact]
    public void Shape_mismatch_throws_even_when_not_strict_and_changes_nothing()
    {
        var state = Net(7).StateDict();
        state["0.weight"] = Tensor.Zeros(2, 3);
        var target = Net(8);
        var before = target.StateDict()["0.bias"].ToArray();
        var error = Assert.Throws<InvalidOperationException>(() => target.LoadStateDict(state, strict: false));
        Assert.Contains("'0.weight' has shape [2, 3] in the state dict but [3, 2] in the module", error.Message);
        Assert.Equal(before, target.StateDict()["0.bias"].ToArray());
    }
}
