namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Moves a run of images between NCHW [n, c, p] and the batch-folded GEMM layout
/// [c, (n − n0)·P + p] (row stride <c>ld</c>), one contiguous P-float segment at a time.
/// </summary>
internal static unsafe class ConvLayout
{
    /// <summary>
    /// Row pitch of a scratch matrix with <paramref name="columns"/> columns: a multiple of 16 floats
    /// (64 bytes) that is an odd number of cache lines, so the rows a micro-kernel walks in place
    /// spread over all L1 sets instead of aliasing onto a few.
    /// </summary>
    public static nint Pitch(int columns)
    {
        nint lines = ((nint)columns + 15) / 16;
        return (lines | 1) * 16;
    }

    /// <summary>dst[c·ld + i·P + p] = src[((n0 + i)·channels + c)·P + p].</summary>
    public static void Fold(float* src, int n0, int count, int channels, int p, float* dst, nint ld)
    {
        for (int c = 0; c < channels; c++)
        {
            for (int i = 0; i < count; i++)
            {
                StridedLine.Gather(src + ((((nint)(n0 + i) * channels) + c) * p), 1, dst + (c * ld) + ((nint)i * p), p);
            }
        }
    }

    /// <summary>dst[((n0 + i)·channels + c)·P + p] = src[c·ld + i·P + p].</summary>
    public static void Unfold(float* src, nint ld, int n0, int count, int channels, int p, float* dst)
    {
        for (int i = 0; i < count; i++)
        {
            for (int c = 0; c < channels; c++)
            {
                StridedLine.Gather(src + (c * ld) + ((nint)i * p), 1, dst + ((((nint)(n0 + i) * channels) + c) * p), p);
            }
        }
    }
}
