using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Tests.Kernels;

public sealed class EngineWorkersTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 7)]
    [InlineData(2, 1000)]
    public void Every_index_runs_exactly_once(int threads, int count)
    {
        var hits = new int[count];

        EngineThreads.For(5, 5 + count, threads, i => Interlocked.Increment(ref hits[i - 5]));

        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void Many_back_to_back_jobs_all_complete()
    {
        long total = 0;
        for (int job = 0; job < 2000; job++)
        {
            EngineThreads.For(0, 4, 2, i => Interlocked.Add(ref total, i + 1));
        }

        Assert.Equal(2000L * 10, total);
    }

    [Fact]
    public void Nested_loops_complete_without_deadlock()
    {
        var hits = new int[6 * 5];

        EngineThreads.For(0, 6, 2, outer => EngineThreads.For(0, 5, 2, inner => Interlocked.Increment(ref hits[(outer * 5) + inner])));

        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void An_exception_in_the_body_surfaces_as_itself_after_every_index_ran()
    {
        int ran = 0;

        var ex = Assert.Throws<InvalidOperationException>(() => EngineThreads.For(0, 8, 2, i =>
        {
            Interlocked.Increment(ref ran);
            if (i == 3)
            {
                throw new InvalidOperationException("index 3 failed");
            }
        }));

        Assert.Equal("index 3 failed", ex.Message);
        Assert.Equal(8, ran);
    }
}
