using System.Runtime.Intrinsics;
using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Tests.Kernels;

public sealed unsafe class GemmDotTests
{
    [Theory]
    [InlineData(1, 1, 1)]        // no full k-step: only the padded tail
    [InlineData(9, 32, 3136)]    // conv 1→32 3x3 weight gradient shape, K over 12 blocks
    [InlineData(25, 7, 300)]     // ragged rows and columns, K tail of 12
    [InlineData(4, 4, 256)]      // exactly one block, no tail
    [InlineData(6, 5, 257)]      // one block plus a one-float tail
    [InlineData(33, 10, 1000)]   // more rows than the automatic choice takes
    public void Dot_kernel_matches_the_double_reference(int m, int n, int k)
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return;
        }

        foreach (bool accumulate in new[] { false, true })
        {
            int lda = k + 3;
            int ldb = k + 1;
            int ldc = n + 2;
            float[] a = KernelTestData.Uniform(m * lda, m + k);
            float[] b = KernelTestData.Uniform(n * ldb, n + k);
            float[] c = KernelTestData.Uniform(m * ldc, m + n);
            float[] c0 = (float[])c.Clone();
            double[] expected = KernelTestData.ReferenceGemm(false, true, m, n, k, a, lda, b, ldb, c0, ldc, accumulate);

            Run(GemmPath.Avx512Dot4x4, m, n, k, a, lda, b, ldb, c, ldc, accumulate, threads: 2);

            KernelTestData.AssertClose(expected, i => c[((i / n) * ldc) + (i % n)], $"dot {m}x{n}x{k} acc={accumulate}");
            for (int i = 0; i < m; i++)
            {
                Assert.Equal(c0[(i * ldc) + n], c[(i * ldc) + n]);
                Assert.Equal(c0[(i * ldc) + n + 1], c[(i * ldc) + n + 1]);
            }
        }
    }

    [Fact]
    public void Dot_kernel_gives_identical_bits_on_one_and_two_threads()
    {
        (int m, int n, int k) = (25, 190, 2000);
        float[] a = KernelTestData.Uniform(m * k, 81);
        float[] b = KernelTestData.Uniform(n * k, 82);
        float[] c1 = KernelTestData.Uniform(m * n, 83);
        float[] c2 = (float[])c1.Clone();

        Run(GemmPath.Auto, m, n, k, a, k, b, k, c1, n, accumulate: true, threads: 1);
        Run(GemmPath.Auto, m, n, k, a, k, b, k, c2, n, accumulate: true, threads: 2);

        Assert.Equal(c1, c2);
    }

    [Fact]
    public void Automatic_choice_takes_the_dot_kernel_only_for_few_rows_of_A_times_B_transposed()
    {
        var small = new GemmArgs(false, true, 9, 32, 3136, 0, 3136, 0, 3136, 0, 32, false);
        Assert.Equal(Vector512.IsHardwareAccelerated, GemmDot.Suits(small));
        Assert.False(GemmDot.Suits(small with { M = 64 }));
        Assert.False(GemmDot.Suits(small with { TransB = false }));
        Assert.False(GemmDot.Suits(small with { TransA = true }));
        Assert.False(GemmDot.Suits(small with { K = 20 }));
    }

    [Fact]
    public void Four_sums_reduce_in_one_vector()
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return;
        }

        var v = new Vector512<float>[4];
        for (int j = 0; j < 4; j++)
        {
            var lanes = new float[16];
            for (int l = 0; l < 16; l++)
            {
                lanes[l] = (j * 100) + l;
            }

            v[j] = Vector512.Create(lanes);
        }

        Vector128<float> sums = GemmDot.Reduce4(v[0], v[1], v[2], v[3]);

        Assert.Equal([120f, 1720f, 3320f, 4920f], new[] { sums[0], sums[1], sums[2], sums[3] });
    }

    private static void Run(
        GemmPath path, int m, int n, int k, float[] a, int lda, float[] b, int ldb, float[] c, int ldc, bool accumulate, int threads)
    {
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            Gemm.SgemmCore(path, false, true, m, n, k, pa, lda, pb, ldb, pc, ldc, accumulate, threads);
        }
    }
}
