using GanAugment.Tensors;
using static GanAugment.NN.Tests.TestUtil;

namespace GanAugment.NN.Tests;

public class EmbeddingTests
{
    [Fact]
    public void Looks_up_rows_and_adds_gradients_of_repeated_indices()
    {
        var embedding = new Embedding(3, 2, new Rng(1));
        Set(embedding.Weight, 1, 2, 3, 4, 5, 6);
        var y = embedding.Call([2, 0, 2]);
        Assert.Equal([3, 2], y.ShapeArray);
        Assert.Equal([5f, 6, 1, 2, 5, 6], y.ToArray());
        y.Sum().Backward();
        // Row 0 is used once, row 1 never, row 2 twice.
        Assert.Equal([1f, 1, 0, 0, 2, 2], embedding.Weight.Grad!.ToArray());
    }

    [Fact]
    public void Init_is_standard_normal_and_bad_indices_are_named()
    {
        var w = new Embedding(100, 50, new Rng(2)).Weight.ToArray();
        Close(0, w.Average(), 0.05);
        Close(1, w.Select(v => (double)v * v).Average(), 0.05);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(3, 2, new Rng(3)).Call([0, 3]));
        Assert.Contains("embedding index 3 at position 1 is out of range for a table of 3 rows", error.Message);
    }
}
