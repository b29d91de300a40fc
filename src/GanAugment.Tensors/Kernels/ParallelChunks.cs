namespace GanAugment.Tensors.Kernels;

/// <summary>A piece of element-wise work over [start, start + count) of some arrays the kernel holds.</summary>
public interface IChunkKernel
{
    void Run(int start, int count);
}

/// <summary>
/// Splits element-wise work over the engine threads (<see cref="EngineThreads.Count"/>): [0, length)
/// is cut into contiguous chunks and each element is written by exactly one thread with the same
/// arithmetic as a lone pass, so the bits never depend on the thread count. Short work runs inline
/// and allocates nothing.
/// </summary>
public static class ParallelChunks
{
    /// <summary>
    /// Fewest elements worth handing to another thread. NOTE: a pass over 32K floats (128 KB) takes
    /// about 10 µs, about what waking a pool thread costs on a loaded machine.
    /// </summary>
    public const int MinChunk = 1 << 15;

    /// <summary>Runs <paramref name="kernel"/> over [0, <paramref name="length"/>) in at most <see cref="EngineThreads.Count"/> chunks.</summary>
    public static void For<TKernel>(int length, TKernel kernel, int minChunk = MinChunk) where TKernel : struct, IChunkKernel =>
        For(length, kernel, minChunk, EngineThreads.Count);

    /// <summary>As <see cref="For{TKernel}(int, TKernel, int)"/> with an explicit thread cap (tests pin one).</summary>
    internal static void For<TKernel>(int length, TKernel kernel, int minChunk, int threads) where TKernel : struct, IChunkKernel
    {
        if (length <= 0) return;
        var chunks = Math.Max(1, Math.Min(threads, length / Math.Max(1, minChunk)));
        if (chunks == 1)
        {
            kernel.Run(0, length);
            return;
        }
        EngineThreads.For(0, chunks, chunks, i =>
        {
            // NOTE: chunk bounds are multiples of 16 floats (64 bytes) so that threads never share a cache line.
            var (start, end) = (Bound(i, chunks, length), Bound(i + 1, chunks, length));
            if (end > start) kernel.Run(start, end - start);
        });
    }

    private static int Bound(int i, int chunks, int length) =>
        i == chunks ? length : (int)Math.Min(length, (long)length * i / chunks & ~15L);
}
