using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Tests.Kernels;

public sealed class ConvChunksTests
{
    // The AC-GAN generator's 385→192 5x5 transposed convolution as the conv it mirrors: 14x14 → 7x7.
    private static ConvGeometry Generator(int batch) => new(batch, 192, 14, 14, 385, 5, 2, 2);

    [Theory]
    [InlineData(32, 2, 8, 4)] // 8+8 | 8+8, not 7+7+7 | 7+4
    [InlineData(64, 2, 8, 8)]
    [InlineData(64, 1, 7, 10)] // one thread: the better tile fill of 7·49 = 343 of 352 columns wins
    public void Runs_balance_the_threads_before_they_fill_tiles(int batch, int threads, int images, int count)
    {
        ConvTuning tuning = ConvTuning.Default;
        ConvChunks plan = ConvChunks.Plan(Generator(batch), tuning.ColumnBudget, tuning.MinColumns, 2 * threads, fitTiles: true, threads);

        Assert.Equal(new ConvChunks(images, count), plan);
    }

    [Fact]
    public void Runs_cover_the_batch_once()
    {
        ConvChunks plan = ConvChunks.Plan(Generator(30), ConvTuning.Default.ColumnBudget, 384, 4, fitTiles: true, 2);
        var seen = new List<int>();
        for (int run = 0; run < plan.Count; run++)
        {
            (int first, int count) = plan.Run(run, 30);
            seen.AddRange(Enumerable.Range(first, count));
        }

        Assert.Equal(Enumerable.Range(0, 30), seen);
    }
}
