using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Tests.Kernels;

public class ParallelChunksTests
{
    private readonly unsafe struct MarkKernel(int* hits) : IChunkKernel
    {
        public void Run(int start, int count)
        {
            for (var i = start; i < start + count; i++) Interlocked.Increment(ref hits[i]);
        }
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(5, 4)]
    [InlineData(100_003, 1)]
    [InlineData(100_003, 2)]
    [InlineData(100_003, 3)]
    [InlineData(131_072, 4)]
    public unsafe void EveryElementIsVisitedExactlyOnce(int length, int threads)
    {
        var hits = new int[length];
        fixed (int* h = hits) ParallelChunks.For(length, new MarkKernel(h), ParallelChunks.MinChunk, threads);
        Assert.All(hits, v => Assert.Equal(1, v));
    }
}
