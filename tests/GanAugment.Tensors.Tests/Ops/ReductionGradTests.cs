using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests.Ops;

public class ReductionGradTests
{
    private static Tensor In(int seed, params int[] shape) => GradCheck.Input(seed, shape);

    [Fact] public void SumAll() => GradCheck.FirstOrder(x => x[0].Sum(), In(1, 3, 4));
    [Fact] public void SumAxes() => GradCheck.FirstOrder(x => x[0].Sum([0, 2]), In(1, 2, 3, 4));
    [Fact] public void SumKeepDim() => GradCheck.FirstOrder(x => x[0].Sum(1, keepDim: true) * x[0], In(1, 3, 4));
    [Fact] public void Mean() => GradCheck.FirstOrder(x => x[0].Mean([0, 2, 3]), In(1, 2, 3, 2, 2));
    [Fact] public void Var() => GradCheck.FirstOrder(x => x[0].Var(1), In(1, 3, 5));
    [Fact] public void Max() => GradCheck.FirstOrder(x => x[0].Max(1), In(1, 3, 5));
    [Fact] public void LogSumExp() => GradCheck.FirstOrder(x => x[0].LogSumExp(1), In(1, 3, 5));
    [Fact] public void LogSoftmax() => GradCheck.FirstOrder(x => x[0].LogSoftmax(-1), In(1, 3, 5));
    [Fact] public void Softmax() => GradCheck.FirstOrder(x => x[0].Softmax(0), In(1, 3, 5));

    [Fact] public void SumMeanSecondOrder() => GradCheck.SecondOrder(x => (x[0] * x[0]).Sum(1) * x[0].Mean(), In(1, 3, 4));
    [Fact] public void VarSecondOrder() => GradCheck.SecondOrder(x => x[0].Var([0, 1], unbiased: false), In(1, 3, 4));
    [Fact] public void LogSoftmaxSecondOrder() => GradCheck.SecondOrder(x => x[0].LogSoftmax(1), In(1, 2, 4));

    [Fact]
    public void ReductionValuesAgainstHandSums()
    {
        // x[i,j,k] = 12i + 4j + k
        var x = Tensor.Arange(0, 24).Reshape(2, 3, 4);
        // Σ_i Σ_k (12i + 4j + k) = 48 + 32j + 12
        var s = x.Sum([0, 2]).ToArray();
        Assert.Equal([60f, 92f, 124f], s);
        Assert.Equal([1, 3, 1], x.Sum([0, 2], keepDim: true).ShapeArray);
        Assert.Equal([3f, 7f, 11f, 15f, 19f, 23f], x.Max(2).ToArray());
        Assert.Equal([11.5f], x.Mean().ToArray());
        var v = Tensor.FromArray([1f, 2f, 3f, 4f]).Var(0);
        Assert.Equal(5f / 3f, v.Item(), 6);
    }

    [Fact]
    public void SoftmaxIsStableForLargeLogits()
    {
        var p = Tensor.FromArray([1000f, 1000f, -1000f], 1, 3).Softmax(1).ToArray();
        Assert.Equal(0.5f, p[0], 6);
        Assert.Equal(0.5f, p[1], 6);
        Assert.Equal(0f, p[2], 6);
        var lse = Tensor.FromArray([1000f, 1000f], 1, 2).LogSumExp(1).Item();
        Assert.Equal(1000f + MathF.Log(2f), lse, 3);
    }
}
