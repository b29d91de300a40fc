using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests.Kernels;

/// <summary>Large broadcast ops (split over threads by rows) against a naive index walk.</summary>
public class BroadcastingTests
{
    [Theory]
    [InlineData(new[] { 300, 257 }, new[] { 257 })]
    [InlineData(new[] { 4, 1, 300, 50 }, new[] { 3, 1, 50 })]
    [InlineData(new[] { 64, 96, 7, 7 }, new[] { 1, 96, 1, 1 })]
    [InlineData(new[] { 70_001 }, new[] { 70_001 })]
    [InlineData(new[] { 2, 1 }, new[] { 1, 50_000 })]
    public void SubtractionMatchesANaiveWalk(int[] aShape, int[] bShape)
    {
        var rng = new Rng(5);
        var a = Tensor.Randn(rng, aShape);
        var b = Tensor.Randn(rng, bShape);
        var y = a - b;
        var shape = y.ShapeArray;
        var (av, bv, yv) = (a.ToArray(), b.ToArray(), y.ToArray());
        var index = new int[shape.Length];
        for (var flat = 0; flat < yv.Length; flat++)
        {
            for (int k = shape.Length - 1, r = flat; k >= 0; k--)
            {
                index[k] = r % shape[k];
                r /= shape[k];
            }
            Assert.Equal(av[Offset(index, aShape)] - bv[Offset(index, bShape)], yv[flat]);
        }
    }

    private static int Offset(int[] index, int[] shape)
    {
        var lead = index.Length - shape.Length;
        var offset = 0;
        for (var k = 0; k < shape.Length; k++) offset = offset * shape[k] + (shape[k] == 1 ? 0 : index[lead + k]);
        return offset;
    }
}
