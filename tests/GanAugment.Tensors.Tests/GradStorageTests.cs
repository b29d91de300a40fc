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
}
