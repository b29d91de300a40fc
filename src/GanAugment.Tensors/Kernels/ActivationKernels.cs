using System.Numerics;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Leaky ReLU and its gradient in one vector pass each, split over the engine threads. NOTE: fused
/// for speed; the forward was a multiply pass and a max pass, the gradient a scalar loop building a
/// 0/slope mask and a multiply pass. The bits are those of the composed forms.
/// </summary>
internal static unsafe class ActivationKernels
{
    /// <summary>y = x where x &gt; 0, else slope·x (= max(x, slope·x) for 0 ≤ slope &lt; 1).</summary>
    public static void LeakyRelu(ReadOnlySpan<float> x, float slope, Span<float> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"leaky ReLU of {x.Length} floats into {y.Length}");
        fixed (float* px = x, py = y)
            ParallelChunks.For(y.Length, new LeakyChunk(px, px, slope, py));
    }

    /// <summary>gx = gy where x &gt; 0, else slope·gy (1 is not taken at x = 0, as in PyTorch).</summary>
    public static void LeakyReluBackward(ReadOnlySpan<float> gy, ReadOnlySpan<float> x, float slope, Span<float> gx)
    {
        if (gy.Length != gx.Length || x.Length != gx.Length)
            throw new ArgumentException($"leaky ReLU gradient of {gy.Length} and {x.Length} floats into {gx.Length}");
        fixed (float* pg = gy, px = x, pd = gx)
            ParallelChunks.For(gx.Length, new LeakyChunk(pg, px, slope, pd));
    }

    /// <summary>d = v where x &gt; 0, else slope·v: the forward with v = x, the gradient with v = gy.</summary>
    private readonly struct LeakyChunk(float* v, float* x, float slope, float* d) : IChunkKernel
    {
        public void Run(int start, int count)
        {
            var i = start;
            var end = start + count;
            var w = Vector<float>.Count;
            var s = new Vector<float>(slope);
            for (; i <= end - w; i += w)
            {
                var vi = Vector.Load(v + i);
                Vector.ConditionalSelect(Vector.GreaterThan(Vector.Load(x + i), Vector<float>.Zero), vi, vi * s).Store(d + i);
            }
            for (; i < end; i++) d[i] = x[i] > 0 ? v[i] : v[i] * slope;
        }
    }
}
