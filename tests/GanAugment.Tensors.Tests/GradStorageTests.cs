namespace GanAugment.Tensors.Tests;

public class GradStorageTests
{
    private static Parameter Weights() => new(Tensor.FromArray([1f, 2f, 3f]));

    [Fact]
    public void ReleasedGradientStorageIsFilledByTheNextBackward()
    {
        var w = Weights();
        (w * Tensor.FromArray([4f, 5f, 6f])).Sum().Backward();
        var first = w.Grad!;
        w.ReleaseGrad();
        Assert.Null(w.Grad);
        (w * w).Sum().Backward();
        Assert.Same(first.Storage, w.Grad!.Storage);
        Assert.Equal([2f, 4f, 6f], w.Grad.ToArray());
    }

    [Fact]
    public void AccumulationAfterReuseAddsToTheNewGradientOnly()
    {
        var w = Weights();
        (w * 10f).Sum().Backward();
        w.ReleaseGrad();
        w.Sum().Backward();
        w.Sum().Backward();
        Assert.Equal([2f, 2f, 2f], w.Grad!.ToArray());
    }

    [Fact]
    public void AHandAssignedGradientIsNeverOverwritten()
    {
        var w = Weights();
        var mine = Tensor.FromArray([7f, 7f, 7f]);
        w.Grad = mine;
        w.ReleaseGrad();
        w.Sum().Backward();
        Assert.NotSame(mine.Storage, w.Grad!.Storage);
        Assert.Equal([7f, 7f, 7f], mine.ToArray());
    }

    [Fact]
    public void WithoutReleaseEachGradientHasItsOwnStorage()
    {
        var w = Weights();
        w.Sum().Backward();
        var first = w.Grad!;
        w.Grad = null;
        (w * 3f).Sum().Backward();
        Assert.NotSame(first.Storage, w.Grad!.Storage);
        Assert.Equal([1f, 1f, 1f], first.ToArray());
    }

    [Fact]
    public void InAPoolScopeGradientsSurviveTheScopeAndThePoolDoesNotGrow()
    {
        var rng = new Rng(1);
        var w = new Parameter(Tensor.Randn(rng, [300]));
        var x = Tensor.Randn(rng, [300]);
        var expected = x.ToArray().Zip(w.ToArray(), (xv, wv) => xv + 2 * wv).ToArray();
        var pool = new TensorPool();
        var held = new List<long>();
        for (var step = 0; step < 4; step++)
        {
            using (pool.Scope())
            {
                w.ReleaseGrad();
                // Three contributions: x (taken over from the pool), then w twice (copy on write, in place).
                ((w * x).Sum() + (w * w).Sum()).Backward();
            }
            using (pool.Scope()) Tensor.Full(7f, 300).Exp();   // reuses every free buffer
            Assert.Equal(expected, w.Grad!.ToArray());
            held.Add(pool.PooledFloats);
        }
        Assert.Equal(held[1], held[^1]);
    }

    [Fact]
    public void TwoParametersHandedTheSameGradientKeepTheirOwnValues()
    {
        var a = new Parameter(Tensor.FromArray([1f, 2f]));
        var b = new Parameter(Tensor.FromArray([3f, 4f]));
        var pool = new TensorPool();
        using (pool.Scope()) ((a + b).Sum() + (a * 5f).Sum()).Backward();
        using (pool.Scope()) Tensor.Full(-1f, 2).Exp();
        Assert.Equal([6f, 6f], a.Grad!.ToArray());
        Assert.Equal([1f, 1f], b.Grad!.ToArray());
    }
}
