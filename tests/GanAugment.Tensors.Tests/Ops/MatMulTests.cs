using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests.Ops;

public class MatMulTests
{
    private static Tensor In(int seed, params int[] shape) => GradCheck.Input(seed, shape);

    [Fact]
    public void TwoByTwoByHand()
    {
        var a = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2);
        var b = Tensor.FromArray([5f, 6f, 7f, 8f], 2, 2);
        Assert.Equal([19f, 22f, 43f, 50f], a.MatMul(b).ToArray());
        Assert.Equal([26f, 30f, 38f, 44f], a.MatMul(b, transA: true).ToArray());
        Assert.Equal([17f, 23f, 39f, 53f], a.MatMul(b, transB: true).ToArray());
    }

    [Fact] public void Plain() => GradCheck.FirstOrder(x => x[0].MatMul(x[1]), In(1, 3, 4), In(2, 4, 5));
    [Fact] public void TransposedA() => GradCheck.FirstOrder(x => x[0].MatMul(x[1], transA: true), In(1, 4, 3), In(2, 4, 5));
    [Fact] public void TransposedB() => GradCheck.FirstOrder(x => x[0].MatMul(x[1], transB: true), In(1, 3, 4), In(2, 5, 4));
    [Fact] public void TransposedBoth() => GradCheck.FirstOrder(x => x[0].MatMul(x[1], true, true), In(1, 4, 3), In(2, 5, 4));
    [Fact] public void Batched() => GradCheck.FirstOrder(x => x[0].MatMul(x[1]), In(1, 2, 3, 4), In(2, 2, 4, 2));
    [Fact] public void BatchedWithSharedMatrix() => GradCheck.FirstOrder(x => x[0].MatMul(x[1], transB: true), In(1, 2, 3, 4), In(2, 5, 4));
    [Fact] public void Linear() => GradCheck.FirstOrder(x => Functional.Linear(x[0], x[1], x[2]), In(1, 3, 4), In(2, 2, 4), In(3, 2));

    [Fact] public void MatMulSecondOrder() => GradCheck.SecondOrder(x => x[0].MatMul(x[1]).Tanh(), In(1, 3, 4), In(2, 4, 2));
    [Fact] public void LinearSecondOrder() => GradCheck.SecondOrder(x => Functional.Linear(x[0], x[1], x[2]).Sigmoid(), In(1, 3, 4), In(2, 2, 4), In(3, 2));

    [Fact]
    public void LinearValuesByHand()
    {
        var x = Tensor.FromArray([1f, 2f], 1, 2);
        var w = Tensor.FromArray([1f, 0f, -1f, 3f], 2, 2); // rows are output units
        var b = Tensor.FromArray([0.5f, -0.5f]);
        Assert.Equal([1.5f, 4.5f], Functional.Linear(x, w, b).ToArray());
    }
}
