using GanAugment.Tensors.Kernels;

namespace GanAugment.Bench.Cases;

/// <summary>One SGEMM C[m,n] = op(A)·op(B) with compact row-major operands (2·m·n·k FLOPs).</summary>
public sealed class GemmCase(string name, bool transA, bool transB, int m, int n, int k) : IBenchCase
{
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];

    public string Name { get; } = name;

    public double Flops => 2.0 * m * n * k;

    /// <summary>The product A[m,k]·B[k,n] and the two backward products of it (dA = dC·Bᵀ, dB = Aᵀ·dC).</summary>
    public static IEnumerable<GemmCase> WithBackward(int m, int k, int n)
    {
        string shape = $"{m}x{k}·{k}x{n}";
        yield return new GemmCase($"gemm {shape} A·B", false, false, m, n, k);
        yield return new GemmCase($"gemm {shape} dA=dC·Bᵀ", false, true, m, k, n);
        yield return new GemmCase($"gemm {shape} dB=Aᵀ·dC", true, false, k, n, m);
    }

    public void Setup()
    {
        _a = BenchData.Uniform(m * k, 1);
        _b = BenchData.Uniform(k * n, 2);
        _c = new float[m * n];
    }

    public void Run()
    {
        Gemm.Sgemm(transA, transB, m, n, k, _a, transA ? m : k, _b, transB ? k : n, _c, n, accumulate: false);
    }
}
