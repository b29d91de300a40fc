using System.Numerics;
using GanAugment.Tensors.Kernels;

namespace GanAugment.NN.Optim;

/// <summary>The step scalars of one Adam update, rounded to float once (see <see cref="Adam"/>).</summary>
internal readonly record struct AdamScalars(
    float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2, float SqrtBiasCorrection2, float Eps, float StepSize,
    float WeightDecay, float DecoupledShrink, bool Amsgrad);

/// <summary>
/// One Adam update in a single pass over θ, g, m, v (and v̂max): every element goes through exactly
/// the float operations, in the same order, as the multi-pass form of <see cref="Adam"/>'s formula
/// (m = β1·m, m = g·(1 − β1) + m, v = β2·v, v = (g·(1 − β2))·g + v, d = √v̂ / √(1 − β2^t) + ε,
/// θ = (m / d)·(−γ/(1 − β1^t)) + θ), with no fused multiply-adds, so the result does not depend
/// on vector width or thread count. NOTE: fused for speed: the update is memory-bound, and one
/// pass reads and writes each array once instead of ten times.
/// </summary>
internal static unsafe class AdamKernel
{
    /// <param name="vmax">The running maximum of v (amsgrad), or empty.</param>
    public static void Update(ReadOnlySpan<float> grad, in AdamScalars s, Span<float> param, Span<float> m, Span<float> v, Span<float> vmax)
    {
        var n = param.Length;
        if (grad.Length != n || m.Length != n || v.Length != n || (s.Amsgrad && vmax.Length != n))
            throw new ArgumentException($"Adam buffers of {grad.Length}, {m.Length}, {v.Length} floats for a parameter of {n}");
        fixed (float* pg = grad, pp = param, pm = m, pv = v, pmax = vmax)
            ParallelChunks.For(n, new Chunk(pg, pp, pm, pv, pmax, s));
    }

    private readonly struct Chunk(float* g, float* p, float* m, float* v, float* vmax, AdamScalars s) : IChunkKernel
    {
        public void Run(int start, int count)
        {
            var i = start;
            var end = start + count;
            var w = Vector<float>.Count;
            for (; i <= end - w; i += w) Vectorised(i);
            for (; i < end; i++) Scalar(i);
        }

        private void Vectorised(int i)
        {
            var gi = Vector.Load(g + i);
            var pi = Vector.Load(p + i);
            if (s.DecoupledShrink != 1f) pi *= s.DecoupledShrink;
            else if (s.WeightDecay != 0f) gi = pi * s.WeightDecay + gi;
            var mi = Vector.Load(m + i) * s.Beta1;
            mi = gi * s.OneMinusBeta1 + mi;
            var vi = Vector.Load(v + i) * s.Beta2;
            vi = gi * s.OneMinusBeta2 * gi + vi;
            var second = vi;
            if (s.Amsgrad)
            {
                second = Vector.Max(Vector.Load(vmax + i), vi);
                second.Store(vmax + i);
            }
            var d = Vector.SquareRoot(second) / s.SqrtBiasCorrection2 + new Vector<float>(s.Eps);
            pi = mi / d * s.StepSize + pi;
            mi.Store(m + i);
            vi.Store(v + i);
            pi.Store(p + i);
        }

        private void Scalar(int i)
        {
            var gi = g[i];
            var pi = p[i];
            if (s.DecoupledShrink != 1f) pi *= s.DecoupledShrink;
            else if (s.WeightDecay != 0f) gi = pi * s.WeightDecay + gi;
            var mi = m[i] * s.Beta1;
            mi = gi * s.OneMinusBeta1 + mi;
            var vi = v[i] * s.Beta2;
            vi = gi * s.OneMinusBeta2 * gi + vi;
            var second = vi;
            if (s.Amsgrad)
            {
                second = MathF.Max(vmax[i], vi);
                vmax[i] = second;
            }
            var d = MathF.Sqrt(second) / s.SqrtBiasCorrection2 + s.Eps;
            pi = mi / d * s.StepSize + pi;
            m[i] = mi;
            v[i] = vi;
            p[i] = pi;
        }
    }
}
