using System.Buffers;
using System.Numerics;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Batch normalisation with batch statistics of x viewed as [n, c, s] (s = 1 for [N, C]; H·W for
/// NCHW), per channel, in a few passes. Work is split over channel ranges, each channel's numbers
/// computed the same way whatever the split, so the bits do not depend on the thread count.
/// With s &gt; 1 a channel's sums run in float vectors along each run of s values and in double
/// across the n runs; with s = 1 ([N, C]) they run in float, row after row, into per-channel
/// accumulators. An empty weight means 1, an empty bias 0.
/// </summary>
internal static unsafe class BatchNormKernels
{
    /// <summary>
    /// μ = mean, σ² = biased variance (two-pass), r = 1/√(σ² + eps) per channel, and
    /// y = x·α + β with α = w·r and β = b − μ·α (PyTorch's CPU form).
    /// </summary>
    public static void Forward(
        ReadOnlySpan<float> x, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, int n, int c, int s, float eps,
        Span<float> y, Span<float> mean, Span<float> variance, Span<float> invStd)
    {
        Check(x.Length, n, c, s, y.Length, "output");
        if (mean.Length != c || variance.Length != c || invStd.Length != c) throw new ArgumentException($"batch norm statistics must hold {c} channels");
        if (weight.Length is not 0 && weight.Length != c || bias.Length is not 0 && bias.Length != c)
            throw new ArgumentException($"batch norm weight and bias must hold {c} channels");
        fixed (float* px = x, pw = weight, pb = bias, py = y, pm = mean, pv = variance, pr = invStd)
        {
            var chunk = new ForwardChunk(px, pw, pb, n, c, s, eps, py, pm, pv, pr);
            ParallelChunks.For(c, chunk, MinChannels(n, s));
        }
    }

    /// <summary>
    /// Gradients from gy, given the forward's μ and r: gb = Σ gy, gw = Σ gy·x̂ with x̂ = (x − μ)·r, and
    /// gx = w·r·(gy − Σgy/m − x̂·Σ(gy·x̂)/m), m = n·s. An empty destination is skipped.
    /// </summary>
    public static void Backward(
        ReadOnlySpan<float> gy, ReadOnlySpan<float> x, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd, ReadOnlySpan<float> weight,
        int n, int c, int s, Span<float> gx, Span<float> gWeight, Span<float> gBias)
    {
        Check(x.Length, n, c, s, gy.Length, "gradient");
        if (gx.Length is not 0 && gx.Length != x.Length) throw new ArgumentException($"batch norm input gradient of {gx.Length} floats for {x.Length}");
        if (mean.Length != c || invStd.Length != c || weight.Length is not 0 && weight.Length != c
            || gWeight.Length is not 0 && gWeight.Length != c || gBias.Length is not 0 && gBias.Length != c)
            throw new ArgumentException($"batch norm per-channel vectors must hold {c} channels");
        fixed (float* pg = gy, px = x, pm = mean, pr = invStd, pw = weight, pgx = gx, pgw = gWeight, pgb = gBias)
        {
            var chunk = new BackwardChunk(pg, px, pm, pr, pw, n, c, s, pgx, pgw, pgb);
            ParallelChunks.For(c, chunk, MinChannels(n, s));
        }
    }

    private static void Check(int length, int n, int c, int s, int other, string what)
    {
        if (n < 1 || c < 1 || s < 1 || (long)n * c * s != length)
            throw new ArgumentException($"batch norm of {length} floats viewed as [{n}, {c}, {s}]");
        if (other != length) throw new ArgumentException($"batch norm {what} of {other} floats for an input of {length}");
    }

    /// <summary>Channels per thread so that each thread gets about <see cref="ParallelChunks.MinChunk"/> values.</summary>
    private static int MinChannels(int n, int s) => Math.Max(1, ParallelChunks.MinChunk / Math.Max(1, n * s));

    private readonly struct ForwardChunk(
        float* x, float* w, float* b, int n, int c, int s, float eps, float* y, float* mean, float* variance, float* invStd) : IChunkKernel
    {
        public void Run(int c0, int cc)
        {
            if (s == 1)
            {
                Columns(c0, cc);
                return;
            }
            var count = (double)n * s;
            for (var ch = c0; ch < c0 + cc; ch++)
            {
                double sum = 0;
                for (var r = 0; r < n; r++) sum += Sum(x + ((long)r * c + ch) * s, s);
                var m = (float)(sum / count);
                double squares = 0;
                for (var r = 0; r < n; r++) squares += SquaredDeviations(x + ((long)r * c + ch) * s, s, m);
                var v = (float)(squares / count);
                var inv = 1f / MathF.Sqrt(v + eps);
                (mean[ch], variance[ch], invStd[ch]) = (m, v, inv);
                var alpha = (w == null ? 1f : w[ch]) * inv;
                var beta = (b == null ? 0f : b[ch]) - m * alpha;
                for (var r = 0; r < n; r++)
                {
                    var at = ((long)r * c + ch) * s;
                    ScaleShift(x + at, s, alpha, beta, y + at);
                }
            }
        }

        /// <summary>
        /// The s = 1 case, row by row: each pass runs along the contiguous channels of one row at
        /// a time (walking down a column would touch every row's cache line per few channels).
        /// </summary>
        private void Columns(int c0, int cc)
        {
            var m = new Span<float>(mean + c0, cc);
            var v = new Span<float>(variance + c0, cc);
            var r = new Span<float>(invStd + c0, cc);
            var invN = 1f / n;
            m.Clear();
            for (var row = 0; row < n; row++) AddRow(x + (long)row * c + c0, m);
            Scale(m, invN);
            v.Clear();
            for (var row = 0; row < n; row++) AddSquaredDeviations(x + (long)row * c + c0, m, v);
            Scale(v, invN);
            for (var k = 0; k < cc; k++) r[k] = 1f / MathF.Sqrt(v[k] + eps);
            var wc = w == null ? null : w + c0;
            var bc = b == null ? null : b + c0;
            for (var row = 0; row < n; row++)
            {
                var at = (long)row * c + c0;
                NormaliseRow(x + at, m, r, wc, bc, y + at);
            }
        }
    }

    private readonly struct BackwardChunk(
        float* gy, float* x, float* mean, float* invStd, float* w, int n, int c, int s, float* gx, float* gw, float* gb) : IChunkKernel
    {
        public void Run(int c0, int cc)
        {
            if (s == 1)
            {
                Columns(c0, cc);
                return;
            }
            var count = (double)n * s;
            for (var ch = c0; ch < c0 + cc; ch++)
            {
                var m = mean[ch];
                double sumGy = 0, sumGyCentered = 0;
                for (var r = 0; r < n; r++)
                {
                    var at = ((long)r * c + ch) * s;
                    var (g, gc) = GradientSums(gy + at, x + at, s, m);
                    sumGy += g;
                    sumGyCentered += gc;
                }
                var inv = invStd[ch];
                if (gb != null) gb[ch] = (float)sumGy;
                if (gw != null) gw[ch] = (float)(sumGyCentered * inv);
                if (gx == null) continue;
                // gx = a·(gy − Σgy/m) − a·r²·Σ(gy·(x − μ))/m · (x − μ), a = w·r
                var a = (w == null ? 1f : w[ch]) * inv;
                var meanGy = (float)(sumGy / count);
                var k = (float)(sumGyCentered / count) * inv * inv;
                for (var r = 0; r < n; r++)
                {
                    var at = ((long)r * c + ch) * s;
                    InputGradient(gy + at, x + at, s, m, meanGy, k, a, gx + at);
                }
            }
        }

        /// <summary>The s = 1 case, row by row along the contiguous channels (see the forward).</summary>
        private void Columns(int c0, int cc)
        {
            // sums, then in place: Σgy → mean(gy), Σgy·(x − μ) → k = mean(gy·(x − μ))·r², a = w·r
            const int StackFloats = 3 * 1024;
            float[]? rented = null;
            var scratch = 3 * cc <= StackFloats ? stackalloc float[3 * cc] : (rented = ArrayPool<float>.Shared.Rent(3 * cc)).AsSpan(0, 3 * cc);
            var sumGy = scratch[..cc];
            var sumGyCentered = scratch.Slice(cc, cc);
            var a = scratch.Slice(2 * cc, cc);
            var m = new ReadOnlySpan<float>(mean + c0, cc);
            var r = new ReadOnlySpan<float>(invStd + c0, cc);
            sumGy.Clear();
            sumGyCentered.Clear();
            for (var row = 0; row < n; row++)
            {
                var at = (long)row * c + c0;
                AddGradientRow(gy + at, x + at, m, sumGy, sumGyCentered);
            }
            var invN = 1f / n;
            for (var k = 0; k < cc; k++)
            {
                if (gb != null) gb[c0 + k] = sumGy[k];
                if (gw != null) gw[c0 + k] = sumGyCentered[k] * r[k];
                a[k] = (w == null ? 1f : w[c0 + k]) * r[k];
                sumGy[k] *= invN;
                sumGyCentered[k] = sumGyCentered[k] * invN * r[k] * r[k];
            }
            if (gx != null)
                for (var row = 0; row < n; row++)
                {
                    var at = (long)row * c + c0;
                    InputGradientRow(gy + at, x + at, m, sumGy, sumGyCentered, a, gx + at);
                }
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
    }

    private static void AddRow(float* x, Span<float> acc)
    {
        var i = 0;
        var w = Vector<float>.Count;
        fixed (float* pa = acc)
        {
            for (; i <= acc.Length - w; i += w) (Vector.Load(pa + i) + Vector.Load(x + i)).Store(pa + i);
            for (; i < acc.Length; i++) pa[i] += x[i];
        }
    }

    private static void Scale(Span<float> values, float factor)
    {
        for (var i = 0; i < values.Length; i++) values[i] *= factor;
    }

    private static void AddSquaredDeviations(float* x, ReadOnlySpan<float> m, Span<float> acc)
    {
        var i = 0;
        var w = Vector<float>.Count;
        fixed (float* pm = m, pa = acc)
        {
            for (; i <= acc.Length - w; i += w)
            {
                var d = Vector.Load(x + i) - Vector.Load(pm + i);
                (Vector.Load(pa + i) + d * d).Store(pa + i);
            }
            for (; i < acc.Length; i++)
            {
                var d = x[i] - pm[i];
                pa[i] += d * d;
            }
        }
    }

    /// <summary>y = x·α + β along a row, α = w·r and β = b − μ·α per channel.</summary>
    private static void NormaliseRow(float* x, ReadOnlySpan<float> m, ReadOnlySpan<float> r, float* wc, float* bc, float* y)
    {
        var i = 0;
        var w = Vector<float>.Count;
        var len = m.Length;
        fixed (float* pm = m, pr = r)
        {
            for (; i <= len - w; i += w)
            {
                var alpha = (wc == null ? Vector<float>.One : Vector.Load(wc + i)) * Vector.Load(pr + i);
                var beta = (bc == null ? Vector<float>.Zero : Vector.Load(bc + i)) - Vector.Load(pm + i) * alpha;
                (Vector.Load(x + i) * alpha + beta).Store(y + i);
            }
            for (; i < len; i++)
            {
                var alpha = (wc == null ? 1f : wc[i]) * pr[i];
                var beta = (bc == null ? 0f : bc[i]) - pm[i] * alpha;
                y[i] = x[i] * alpha + beta;
            }
        }
    }

    private static void AddGradientRow(float* gy, float* x, ReadOnlySpan<float> m, Span<float> sumGy, Span<float> sumGyCentered)
    {
        var i = 0;
        var w = Vector<float>.Count;
        var len = m.Length;
        fixed (float* pm = m, ps = sumGy, pc = sumGyCentered)
        {
            for (; i <= len - w; i += w)
            {
                var g = Vector.Load(gy + i);
                (Vector.Load(ps + i) + g).Store(ps + i);
                (Vector.Load(pc + i) + g * (Vector.Load(x + i) - Vector.Load(pm + i))).Store(pc + i);
            }
            for (; i < len; i++)
            {
                ps[i] += gy[i];
                pc[i] += gy[i] * (x[i] - pm[i]);
            }
        }
    }

    /// <summary>gx = (gy − mean(gy) − (x − μ)·k)·a along a row.</summary>
    private static void InputGradientRow(float* gy, float* x, ReadOnlySpan<float> m, ReadOnlySpan<float> meanGy, ReadOnlySpan<float> k, ReadOnlySpan<float> a, float* gx)
    {
        var i = 0;
        var w = Vector<float>.Count;
        var len = m.Length;
        fixed (float* pm = m, pg = meanGy, pk = k, pa = a)
        {
            for (; i <= len - w; i += w)
                ((Vector.Load(gy + i) - Vector.Load(pg + i) - (Vector.Load(x + i) - Vector.Load(pm + i)) * Vector.Load(pk + i)) * Vector.Load(pa + i)).Store(gx + i);
            for (; i < len; i++) gx[i] = (gy[i] - pg[i] - (x[i] - pm[i]) * pk[i]) * pa[i];
        }
    }

    // NOTE: lanes take fixed element indices (never the address alignment, which differs between
    // buffers), so a channel's sum is the same number wherever its values live.
    private static double Sum(float* x, int len)
    {
        var i = 0;
        var w = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        for (; i <= len - w; i += w) acc += Vector.Load(x + i);
        double total = Vector.Sum(acc);
        for (; i < len; i++) total += x[i];
        return total;
    }

    private static double SquaredDeviations(float* x, int len, float m)
    {
        var i = 0;
        var w = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        var vm = new Vector<float>(m);
        for (; i <= len - w; i += w)
        {
            var d = Vector.Load(x + i) - vm;
            acc += d * d;
        }
        double total = Vector.Sum(acc);
        for (; i < len; i++)
        {
            var d = x[i] - m;
            total += d * d;
        }
        return total;
    }

    private static (double Gy, double GyCentered) GradientSums(float* gy, float* x, int len, float m)
    {
        var i = 0;
        var w = Vector<float>.Count;
        var accG = Vector<float>.Zero;
        var accGc = Vector<float>.Zero;
        var vm = new Vector<float>(m);
        for (; i <= len - w; i += w)
        {
            var g = Vector.Load(gy + i);
            accG += g;
            accGc += g * (Vector.Load(x + i) - vm);
        }
        double sg = Vector.Sum(accG), sgc = Vector.Sum(accGc);
        for (; i < len; i++)
        {
            sg += gy[i];
            sgc += gy[i] * (x[i] - m);
        }
        return (sg, sgc);
    }

    private static void ScaleShift(float* x, int len, float alpha, float beta, float* y)
    {
        var i = 0;
        var w = Vector<float>.Count;
        var va = new Vector<float>(alpha);
        var vb = new Vector<float>(beta);
        for (; i <= len - w; i += w) (Vector.Load(x + i) * va + vb).Store(y + i);
        for (; i < len; i++) y[i] = x[i] * alpha + beta;
    }

    private static void InputGradient(float* gy, float* x, int len, float m, float meanGy, float k, float a, float* gx)
    {
        var i = 0;
        var w = Vector<float>.Count;
        var (vm, vmg, vk, va) = (new Vector<float>(m), new Vector<float>(meanGy), new Vector<float>(k), new Vector<float>(a));
        for (; i <= len - w; i += w)
            ((Vector.Load(gy + i) - vmg - (Vector.Load(x + i) - vm) * vk) * va).Store(gx + i);
        for (; i < len; i++) gx[i] = (gy[i] - meanGy - (x[i] - m) * k) * a;
    }
}
