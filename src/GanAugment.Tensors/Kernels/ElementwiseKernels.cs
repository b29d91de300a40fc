namespace GanAugment.Tensors.Kernels;

/// <summary>A unary element-wise map in span form (a TensorPrimitives call or a vector loop).</summary>
internal interface IUnaryOp
{
    static abstract void Map(ReadOnlySpan<float> x, Span<float> d);
}

/// <summary>A unary element-wise map given as a delegate (one that captures scalars such as a clamp's bounds).</summary>
internal delegate void SpanMap(ReadOnlySpan<float> x, Span<float> d);

/// <summary>
/// Element-wise kernels over whole spans, split over the engine threads by
/// <see cref="ParallelChunks"/> above its size threshold. Each element is computed the same way
/// whatever the split, so the results do not depend on the thread count.
/// </summary>
internal static unsafe class ElementwiseKernels
{
    /// <summary>dst = src.</summary>
    public static void Copy(ReadOnlySpan<float> src, Span<float> dst) => Unary<CopyOp>(src, dst);

    /// <summary>dst[i] = TOp(x[i]); dst may be x.</summary>
    public static void Unary<TOp>(ReadOnlySpan<float> x, Span<float> dst) where TOp : struct, IUnaryOp
    {
        if (x.Length != dst.Length) throw new ArgumentException($"element-wise map of {x.Length} floats into {dst.Length}");
        fixed (float* px = x, pd = dst)
            ParallelChunks.For(dst.Length, new UnaryChunk<TOp>(px, pd));
    }

    /// <summary>dst = map(x), the map applied to chunks of at least <see cref="ParallelChunks.MinChunk"/> elements.</summary>
    public static void Map(ReadOnlySpan<float> x, Span<float> dst, SpanMap map)
    {
        if (x.Length != dst.Length) throw new ArgumentException($"element-wise map of {x.Length} floats into {dst.Length}");
        fixed (float* px = x, pd = dst)
            ParallelChunks.For(dst.Length, new MapChunk(map, px, pd));
    }

    /// <summary>dst[i] = a[i] ∘ b[i] for equal-length spans; dst may be a or b.</summary>
    public static void Binary<TOp>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> dst) where TOp : struct, IBinaryOp
    {
        if (a.Length != dst.Length || b.Length != dst.Length)
            throw new ArgumentException($"element-wise op of {a.Length} and {b.Length} floats into {dst.Length}");
        fixed (float* pa = a, pb = b, pd = dst)
            ParallelChunks.For(dst.Length, new BinaryChunk<TOp>(pa, pb, pd));
    }

    private readonly struct UnaryChunk<TOp>(float* x, float* d) : IChunkKernel where TOp : struct, IUnaryOp
    {
        public void Run(int start, int count) => TOp.Map(new ReadOnlySpan<float>(x + start, count), new Span<float>(d + start, count));
    }

    private readonly struct MapChunk(SpanMap map, float* x, float* d) : IChunkKernel
    {
        public void Run(int start, int count) => map(new ReadOnlySpan<float>(x + start, count), new Span<float>(d + start, count));
    }

    private readonly struct BinaryChunk<TOp>(float* a, float* b, float* d) : IChunkKernel where TOp : struct, IBinaryOp
    {
        public void Run(int start, int count) =>
            TOp.VV(new ReadOnlySpan<float>(a + start, count), new ReadOnlySpan<float>(b + start, count), new Span<float>(d + start, count));
    }

    private readonly struct CopyOp : IUnaryOp
    {
        public static void Map(ReadOnlySpan<float> x, Span<float> d) => x.CopyTo(d);
    }
}
