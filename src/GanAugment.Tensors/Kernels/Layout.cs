namespace GanAugment.Tensors.Kernels;

/// <summary>Data-movement kernels: permutation, narrowing and block placement along an axis.</summary>
internal static class Layout
{
    /// <summary>dst = src with axes reordered: dst axis i is src axis perm[i].</summary>
    public static void Permute(ReadOnlySpan<float> src, int[] shape, int[] perm, Span<float> dst)
    {
        var rank = shape.Length;
        var srcStrides = ShapeUtil.Strides(shape);
        var dims = new int[rank];
        var strides = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            dims[i] = shape[perm[i]];
            strides[i] = srcStrides[perm[i]];
        }
        if (dst.Length == 0) return;
        if (rank == 0) { dst[0] = src[0]; return; }
        var inner = dims[rank - 1];
        var innerStride = strides[rank - 1];
        Span<int> idx = stackalloc int[rank];
        var srcOff = 0;
        for (var off = 0; off < dst.Length; off += inner)
        {
            var d = dst.Slice(off, inner);
            if (innerStride == 1) src.Slice(srcOff, inner).CopyTo(d);
            else for (int j = 0, p = srcOff; j < inner; j++, p += innerStride) d[j] = src[p];
            for (var k = rank - 2; k >= 0; k--)
            {
                idx[k]++;
                srcOff += strides[k];
                if (idx[k] < dims[k]) break;
                srcOff -= strides[k] * dims[k];
                idx[k] = 0;
            }
        }
    }

    /// <summary>
    /// Views a tensor as [outer, axisSize, inner] and copies, for every outer index, the block of
    /// <paramref name="length"/> rows starting at <paramref name="srcStart"/> into the destination
    /// (viewed as [outer, dstAxisSize, inner]) at <paramref name="dstStart"/>.
    /// </summary>
    public static void CopyBlocks(ReadOnlySpan<float> src, int srcAxisSize, int srcStart, Span<float> dst, int dstAxisSize, int dstStart, int outer, int inner, int length)
    {
        var block = length * inner;
        for (var o = 0; o < outer; o++)
            src.Slice((o * srcAxisSize + srcStart) * inner, block).CopyTo(dst.Slice((o * dstAxisSize + dstStart) * inner, block));
    }

    /// <summary>
    /// <see cref="CopyBlocks"/> that adds the source blocks to the destination's instead of
    /// overwriting them (a slice's gradient accumulated into the whole tensor's).
    /// </summary>
    public static void AddBlocks(ReadOnlySpan<float> src, int srcAxisSize, int srcStart, Span<float> dst, int dstAxisSize, int dstStart, int outer, int inner, int length)
    {
        var block = length * inner;
        for (var o = 0; o < outer; o++)
        {
            var into = dst.Slice((o * dstAxisSize + dstStart) * inner, block);
            System.Numerics.Tensors.TensorPrimitives.Add(into, src.Slice((o * srcAxisSize + srcStart) * inner, block), into);
        }
    }

    /// <summary>Product of the dimensions before and after <paramref name="axis"/>.</summary>
    public static (int Outer, int Inner) Split(ReadOnlySpan<int> shape, int axis)
    {
        int outer = 1, inner = 1;
        for (var i = 0; i < axis; i++) outer *= shape[i];
        for (var i = axis + 1; i < shape.Length; i++) inner *= shape[i];
        return (outer, inner);
    }
}
