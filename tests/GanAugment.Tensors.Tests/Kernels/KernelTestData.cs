namespace GanAugment.Tensors.Tests.Kernels;

/// <summary>Seeded inputs and double-precision reference products for the kernel tests.</summary>
internal static class KernelTestData
{
    public static float[] Uniform(int length, int seed)
    {
        var rng = new Random(seed);
        var data = new float[length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)((rng.NextDouble() * 2.0) - 1.0);
        }

        return data;
    }

    /// <summary>Naive C = op(A)·op(B) (+ C0 when accumulating) in double, row-major with leading dimensions.</summary>
    public static double[] ReferenceGemm(
        bool transA, bool transB, int m, int n, int k, float[] a, int lda, float[] b, int ldb, float[] c0, int ldc, bool accumulate)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = accumulate ? c0[(i * ldc) + j] : 0.0;
                for (int p = 0; p < k; p++)
                {
                    double av = transA ? a[(p * lda) + i] : a[(i * lda) + p];
                    double bv = transB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += av * bv;
                }

                c[(i * n) + j] = sum;
            }
        }

        return c;
    }

    /// <summary>Asserts |actual - expected| ≤ 1e-5·max|expected| (plus a tiny absolute floor) element-wise.</summary>
    public static void AssertClose(ReadOnlySpan<double> expected, Func<int, float> actual, string what)
    {
        double scale = 0;
        foreach (double v in expected)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        double tolerance = (1e-5 * scale) + 1e-6;
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual(i) - expected[i]);
            if (!(error <= tolerance))
            {
                Assert.Fail($"{what}: element {i} is {actual(i)}, expected {expected[i]} (error {error:G3} > {tolerance:G3}).");
            }
        }
    }
}
