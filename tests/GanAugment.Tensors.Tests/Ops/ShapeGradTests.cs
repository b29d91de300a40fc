using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests.Ops;

public class ShapeGradTests
{
    private static Tensor In(int seed, params int[] shape) => GradCheck.Input(seed, shape);

    [Fact] public void Reshape() => GradCheck.FirstOrder(x => x[0].Reshape(4, -1) * x[1], In(1, 2, 6), In(2, 4, 3));
    [Fact] public void Permute() => GradCheck.FirstOrder(x => x[0].Permute(2, 0, 1), In(1, 2, 3, 4));
    [Fact] public void Transpose() => GradCheck.FirstOrder(x => x[0].Transpose(0, 2), In(1, 2, 3, 4));
    [Fact] public void Narrow() => GradCheck.FirstOrder(x => x[0].Narrow(1, 1, 2), In(1, 2, 4, 3));
    [Fact] public void Concat() => GradCheck.FirstOrder(x => Tensor.Concat([x[0], x[1]], 1), In(1, 2, 2, 3), In(2, 2, 1, 3));
    [Fact] public void Stack() => GradCheck.FirstOrder(x => Tensor.Stack([x[0], x[1]], 1), In(1, 2, 3), In(2, 2, 3));
    [Fact] public void Expand() => GradCheck.FirstOrder(x => x[0].Expand(3, 2, 4), In(1, 2, 1));
    [Fact] public void IndexSelect() => GradCheck.FirstOrder(x => x[0].IndexSelect(0, [2, 0, 2, 1]), In(1, 3, 4));
    [Fact] public void Gather() => GradCheck.FirstOrder(x => x[0].Gather(1, [0, 2, 1, 1, 0, 0], [3, 2]), In(1, 3, 3));
    [Fact] public void Upsample() => GradCheck.FirstOrder(x => x[0].UpsampleNearest(2), In(1, 1, 2, 2, 3));

    [Fact] public void ReshapeConcatSecondOrder() =>
        GradCheck.SecondOrder(x => Tensor.Concat([x[0] * x[0], x[1].Reshape(2, 3) * x[0]], 0).Tanh(), In(1, 2, 3), In(2, 6));
    [Fact] public void NarrowPermuteSecondOrder() =>
        GradCheck.SecondOrder(x => (x[0].Permute(1, 0).Narrow(0, 1, 2) * x[0].Permute(1, 0).Narrow(0, 0, 2)).Sigmoid(), In(1, 2, 3));
    [Fact] public void IndexSelectSecondOrder() => GradCheck.SecondOrder(x => x[0].IndexSelect(0, [1, 1, 0]).Square(), In(1, 2, 3));

    [Fact]
    public void ValuesMoveAsPyTorch()
    {
        var x = Tensor.Arange(0, 6).Reshape(2, 3);
        Assert.Equal([0f, 3f, 1f, 4f, 2f, 5f], x.T().ToArray());
        Assert.Equal([1f, 2f, 4f, 5f], x.Narrow(1, 1, 2).ToArray());
        Assert.Equal([0f, 1f, 2f, 0f, 1f, 2f], Tensor.Arange(0, 3).Expand(2, 3).ToArray());
        Assert.Equal([3f, 4f, 5f, 0f, 1f, 2f], x.IndexSelect(0, [1, 0]).ToArray());
        Assert.Equal([2f, 3f], x.Gather(1, [2, 0], [2, 1]).ToArray());
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f, 0f, 1f, 2f, 3f, 4f, 5f], Tensor.Concat([x, x], 0).ToArray());
        Assert.Equal([0f, 1f, 2f, 0f, 1f, 2f, 3f, 4f, 5f, 3f, 4f, 5f], Tensor.Concat([x, x], 1).ToArray());
        var up = Tensor.FromArray([1f, 2f, 3f, 4f], 1, 1, 2, 2).UpsampleNearest(2).ToArray();
        Assert.Equal([1f, 1f, 2f, 2f, 1f, 1f, 2f, 2f, 3f, 3f, 4f, 4f, 3f, 3f, 4f, 4f], up);
    }
}
