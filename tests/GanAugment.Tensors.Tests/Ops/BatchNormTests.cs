using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests.Ops;

public class BatchNormTests
{
    private static Tensor Composed(Tensor x, Tensor w, Tensor b, float eps)
    {
        var axes = Enumerable.Range(0, x.Rank).Where(a => a != 1).ToArray();
        var shape = Enumerable.Repeat(1, x.Rank).ToArray();
        shape[1] = x.Size(1);
        var y = (x - x.Mean(axes, keepDim: true)) / (x.Var(axes, keepDim: true, unbiased: false) + eps).Sqrt();
        return y * w.Reshape(shape) + b.Reshape(shape);
    }

    private static Tensor Fused(Tensor x, Tensor w, Tensor b, float eps) =>
        Functional.BatchNormTraining(x, w, b, eps, new float[x.Size(1)], new float[x.Size(1)]);

    private static void Close(Tensor expected, Tensor actual, float tolerance = 2e-5f)
    {
        var (e, a) = (expected.ToArray(), actual.ToArray());
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance * (1 + Math.Abs(e[i])), $"at {i}: expected {e[i]}, got {a[i]}");
    }

    [Theory]
    [InlineData(64, 1027)]        // [N, C]: vectors of channels and a tail, split over threads
    [InlineData(3, 2, 5)]         // [N, C, L]
    [InlineData(16, 64, 7, 7)]    // NCHW with runs shorter than a vector multiple
    [InlineData(8, 3, 28, 28)]
    public void ForwardAndGradientsMatchTheComposedForm(params int[] shape)
    {
        var rng = new Rng(7);
        var c = shape[1];
        var x = Tensor.Randn(rng, shape, mean: 0.5f, std: 2f).RequiresGrad_();
        var w = Tensor.Randn(rng, [c]).RequiresGrad_();
        var b = Tensor.Randn(rng, [c]).RequiresGrad_();
        var gy = Tensor.Randn(rng, shape);
        var fused = Fused(x, w, b, 1e-3f);
        var composed = Composed(x, w, b, 1e-3f);
        Close(composed, fused);
        var gf = Autograd.Grad([fused], [x, w, b], [gy]);
        var gc = Autograd.Grad([composed], [x, w, b], [gy]);
        for (var i = 0; i < 3; i++) Close(gc[i]!, gf[i]!, 1e-4f);
    }

    [Fact]
    public void BatchStatisticsAreReturned()
    {
        var x = Tensor.FromArray([1f, 0, 3, 0, 5, 4, 7, 4], 4, 2);
        var (mean, variance) = (new float[2], new float[2]);
        Functional.BatchNormTraining(x, null, null, 1e-5f, mean, variance);
        Assert.Equal([4f, 2f], mean);
        Assert.Equal([5f, 4f], variance);
    }

    [Theory]
    [InlineData(120, 1, 1)]
    [InlineData(120, 9, 1)]
    [InlineData(40, 9, 3)]
    public void AChannelsBitsDoNotDependOnItsNeighbours(int n, int c, int s)
    {
        // Dropping the first channel moves every other channel between vector lanes and the
        // scalar tail (and between thread chunks), which must not change a single bit.
        var rng = new Rng(11);
        int[] shape = s == 1 ? [n, c + 16] : [n, c + 16, s];
        var x = Tensor.Randn(rng, shape).RequiresGrad_();
        var gy = Tensor.Randn(rng, shape);
        var rest = x.Detach().Narrow(1, 1, c + 15).Clone().RequiresGrad_();
        var all = Functional.BatchNormTraining(x, null, null, 1e-5f, new float[c + 16], new float[c + 16]);
        var some = Functional.BatchNormTraining(rest, null, null, 1e-5f, new float[c + 15], new float[c + 15]);
        Assert.Equal(all.Narrow(1, 1, c + 15).ToArray(), some.ToArray());
        var gAll = Autograd.Grad([all], [x], [gy])[0]!;
        var gSome = Autograd.Grad([some], [rest], [gy.Narrow(1, 1, c + 15)])[0]!;
        Assert.Equal(gAll.Narrow(1, 1, c + 15).ToArray(), gSome.ToArray());
    }

    [Fact]
    public void SecondOrder() =>
        GradCheck.SecondOrder(x => Functional.BatchNormTraining(x[0], x[1], x[2], 1e-3f, new float[3], new float[3]).Tanh(),
            GradCheck.Input(1, 4, 3, 2), GradCheck.Input(2, 3), GradCheck.Input(3, 3));
}
