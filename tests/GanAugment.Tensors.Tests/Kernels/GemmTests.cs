using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Tests.Kernels;

public sealed unsafe class GemmTests
{
    private static readonly (int M, int N, int K)[] Sizes =
    [
        (1, 1, 1), (7, 13, 33), (13, 7, 65), (33, 65, 7), (65, 33, 100), (100, 100, 13),
        (12, 32, 256), (24, 64, 257), (145, 97, 300), (6, 130, 9), (64, 100, 25), (3, 4100, 5),
        (301, 45, 19), // more rows than the in-place-B limit: B is packed
        (40, 300, 260), // with B transposed, run as Cᵀ = B·op(A)ᵀ with transposed tile stores
        (9, 100, 700), // K split into balanced slices (3 x 236)
    ];

    public static TheoryData<int, bool, bool> PathsAndLayouts()
    {
        var data = new TheoryData<int, bool, bool>();
        foreach (GemmPath path in new[]
        {
            GemmPath.Avx512Tile12x32, GemmPath.Avx512Tile6x64, GemmPath.Avx512TileRx32, GemmPath.Avx512Tile16x16, GemmPath.Avx2Tile6x16, GemmPath.Scalar,
        })
        {
            foreach (bool transA in new[] { false, true })
            {
                foreach (bool transB in new[] { false, true })
                {
                    data.Add((int)path, transA, transB);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndLayouts))]
    public void Every_path_and_layout_matches_the_double_reference(int pathId, bool transA, bool transB)
    {
        var path = (GemmPath)pathId;
        if (!Supported(path))
        {
            return;
        }

        int seed = 1;
        foreach ((int m, int n, int k) in Sizes)
        {
            foreach (bool accumulate in new[] { false, true })
            {
                // Leading dimensions wider than the matrices, so strides are exercised and the gap must stay untouched.
                int lda = (transA ? m : k) + 3;
                int ldb = (transB ? k : n) + 5;
                int ldc = n + 2;
                float[] a = KernelTestData.Uniform(((transA ? k : m) * lda), seed++);
                float[] b = KernelTestData.Uniform(((transB ? n : k) * ldb), seed++);
                float[] c = KernelTestData.Uniform(m * ldc, seed++);
                float[] c0 = (float[])c.Clone();
                double[] expected = KernelTestData.ReferenceGemm(transA, transB, m, n, k, a, lda, b, ldb, c0, ldc, accumulate);

                Run(path, transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, threads: 2);

                KernelTestData.AssertClose(expected, i => c[((i / n) * ldc) + (i % n)], $"{path} tA={transA} tB={transB} {m}x{n}x{k} acc={accumulate}");
                for (int i = 0; i < m; i++)
                {
                    Assert.Equal(c0[(i * ldc) + n], c[(i * ldc) + n]);
                    Assert.Equal(c0[(i * ldc) + n + 1], c[(i * ldc) + n + 1]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(PathsAndLayouts))]
    public void Both_loop_orders_match_the_reference_and_each_other(int pathId, bool transA, bool transB)
    {
        var path = (GemmPath)pathId;
        if (!Supported(path))
        {
            return;
        }

        // M above the in-place-B limit so B is packed, K over three slices, ragged tiles.
        (int m, int n, int k) = (301, 70, 600);
        float[] a = KernelTestData.Uniform(m * k, 71);
        float[] b = KernelTestData.Uniform(k * n, 72);
        float[] sliceOuter = KernelTestData.Uniform(m * n, 73);
        float[] rowBlockOuter = (float[])sliceOuter.Clone();
        double[] expected = KernelTestData.ReferenceGemm(transA, transB, m, n, k, a, transA ? m : k, b, transB ? k : n, sliceOuter, n, true);

        Run(path, transA, transB, m, n, k, a, transA ? m : k, b, transB ? k : n, sliceOuter, n, true, 2, GemmLoopOrder.SliceOuter);
        Run(path, transA, transB, m, n, k, a, transA ? m : k, b, transB ? k : n, rowBlockOuter, n, true, 2, GemmLoopOrder.RowBlockOuter);

        KernelTestData.AssertClose(expected, i => rowBlockOuter[i], $"{path} row-block-outer tA={transA} tB={transB}");
        Assert.Equal(sliceOuter, rowBlockOuter);
    }

    [Theory]
    [MemberData(nameof(PathsAndLayouts))]
    public void One_and_two_threads_give_identical_bits(int pathId, bool transA, bool transB)
    {
        var path = (GemmPath)pathId;
        if (!Supported(path) || path == GemmPath.Scalar)
        {
            return;
        }

        // 2·301·515·290 ≈ 90 MFLOP: large enough to be split, with ragged tiles in both directions and K crossing KC.
        (int m, int n, int k) = (301, 515, 290);
        float[] a = KernelTestData.Uniform(m * k, 11);
        float[] b = KernelTestData.Uniform(k * n, 12);
        float[] c1 = KernelTestData.Uniform(m * n, 13);
        float[] c2 = (float[])c1.Clone();

        Run(path, transA, transB, m, n, k, a, transA ? m : k, b, transB ? k : n, c1, n, accumulate: true, threads: 1);
        Run(path, transA, transB, m, n, k, a, transA ? m : k, b, transB ? k : n, c2, n, accumulate: true, threads: 2);

        Assert.Equal(c1, c2);
    }

    [Theory]
    [InlineData(false, 1024)] // 6x64 tile, B read in place
    [InlineData(true, 512)]   // x·Wᵀ run as Cᵀ = W·xᵀ
    [InlineData(true, 1024)]  // W 784x1024: larger than the swap limit, but rows 4 KB apart
    public void Auto_path_is_deterministic_across_thread_counts_on_a_64_row_shape(bool transB, int k)
    {
        (int m, int n) = (64, 784);
        float[] a = KernelTestData.Uniform(m * k, 21);
        float[] b = KernelTestData.Uniform(k * n, 22);
        float[] c1 = new float[m * n];
        float[] c2 = new float[m * n];
        int ldb = transB ? k : n;

        Run(GemmPath.Auto, false, transB, m, n, k, a, k, b, ldb, c1, n, accumulate: false, threads: 1);
        Run(GemmPath.Auto, false, transB, m, n, k, a, k, b, ldb, c2, n, accumulate: false, threads: 2);

        Assert.Equal(c1, c2);
    }

    [Fact]
    public void Transposed_B_with_4KB_rows_matches_the_reference()
    {
        // 64x784x1024 with B stored 784x1024: run as Cᵀ = B·Aᵀ although B is past the size limit.
        (int m, int n, int k) = (64, 784, 1024);
        float[] a = KernelTestData.Uniform(m * k, 91);
        float[] b = KernelTestData.Uniform(n * k, 92);
        float[] c = KernelTestData.Uniform(m * n, 93);
        double[] expected = KernelTestData.ReferenceGemm(false, true, m, n, k, a, k, b, k, c, n, true);

        Run(GemmPath.Auto, false, true, m, n, k, a, k, b, k, c, n, accumulate: true, threads: 2);

        KernelTestData.AssertClose(expected, i => c[i], "64x784x1024 A·Bᵀ");
    }

    [Theory]
    [InlineData(66, 2, 784, 64, 2, 2, 1)]    // tall C: cut the rows, so each thread reads half of A
    [InlineData(2, 98, 64, 3136, 2, 1, 2)]   // wide C: cut the columns
    [InlineData(11, 8, 64, 512, 2, 1, 2)]    // 11 row tiles split 6/5 is worse than 8 column tiles split 4/4
    [InlineData(3, 3, 36, 96, 1, 1, 1)]
    public void Threads_split_C_into_balanced_blocks_along_the_longer_side(
        int tilesM, int tilesN, int m, int n, int threads, int gridM, int gridN)
    {
        Assert.Equal((gridM, gridN), GemmDriver.Partition(tilesM, tilesN, m, n, threads));
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(256, 256)]
    [InlineData(257, 132)]
    [InlineData(784, 196)]
    [InlineData(1152, 232)]
    public void K_is_cut_into_balanced_slices(int k, int depth)
    {
        Assert.Equal(depth, GemmDriver.SliceDepth(k));
    }

    [Fact]
    public void Shape_choice_avoids_the_6x64_tile_when_n_is_32()
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return;
        }

        Assert.Equal(GemmPath.Avx512Tile12x32, GemmDriver.Choose(12544, 32));
        Assert.Equal(GemmPath.Avx512Tile6x64, GemmDriver.Choose(64, 512));
    }

    [Fact]
    public void Shape_choice_fits_narrow_and_short_products()
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return;
        }

        Assert.Equal(GemmPath.Avx512Tile16x16, GemmDriver.Choose(12544, 9));  // dA = dC·Bᵀ of conv 1→32 3x3
        Assert.Equal(GemmPath.Avx512TileRx32, GemmDriver.Choose(9, 32));      // its dB = Aᵀ·dC
        Assert.Equal(GemmPath.Avx512TileRx32, GemmDriver.Choose(25, 192));
        Assert.Equal(GemmPath.Avx512Tile12x32, GemmDriver.Choose(12544, 25)); // 16x16 would need two tiles for 25 columns
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 9)]
    [InlineData(12, 12)]
    [InlineData(13, 7)]
    [InlineData(25, 9)]
    [InlineData(32, 8)]
    [InlineData(64, 8)]
    [InlineData(192, 12)]
    public void Row_kernel_height_pads_M_least(int m, int rows)
    {
        Assert.Equal(rows, RowKernels.Rows(m));
    }

    [Theory]
    [InlineData(9, 32, 12544)]  // dB = Aᵀ·dC of conv 1→32 3x3: A read in place, 49 K slices
    [InlineData(25, 192, 3000)] // 9-row tiles, the last one (7 rows) packed
    [InlineData(32, 40, 300)]   // 8-row tiles, ragged column tile
    public void Short_transposed_A_read_in_place_matches_the_reference(int m, int n, int k)
    {
        float[] a = KernelTestData.Uniform(k * m, m + 100);
        float[] b = KernelTestData.Uniform(k * n, n + 100);
        float[] c1 = KernelTestData.Uniform(m * n, 7);
        float[] c2 = (float[])c1.Clone();
        double[] expected = KernelTestData.ReferenceGemm(true, false, m, n, k, a, m, b, n, c1, n, true);

        Run(GemmPath.Auto, true, false, m, n, k, a, m, b, n, c1, n, accumulate: true, threads: 1);
        Run(GemmPath.Auto, true, false, m, n, k, a, m, b, n, c2, n, accumulate: true, threads: 2);

        KernelTestData.AssertClose(expected, i => c1[i], $"Aᵀ·B {m}x{n}x{k}");
        Assert.Equal(c1, c2);
    }

    [Fact]
    public void Span_overload_matches_reference()
    {
        (int m, int n, int k) = (37, 41, 43);
        float[] a = KernelTestData.Uniform(k * m, 31);
        float[] b = KernelTestData.Uniform(n * k, 32);
        float[] c = new float[m * n];
        double[] expected = KernelTestData.ReferenceGemm(true, true, m, n, k, a, m, b, k, c, n, false);

        Gemm.Sgemm(true, true, m, n, k, a, m, b, k, c, n, accumulate: false);

        KernelTestData.AssertClose(expected, i => c[i], "span overload");
    }

    [Fact]
    public void K_zero_clears_or_keeps_C()
    {
        float[] c = [1, 2, 3, 4, 5, 6];
        Gemm.Sgemm(false, false, 2, 3, 0, ReadOnlySpan<float>.Empty, 1, ReadOnlySpan<float>.Empty, 3, c, 3, accumulate: true);
        Assert.Equal([1, 2, 3, 4, 5, 6], c);

        Gemm.Sgemm(false, false, 2, 3, 0, ReadOnlySpan<float>.Empty, 1, ReadOnlySpan<float>.Empty, 3, c, 3, accumulate: false);
        Assert.Equal(new float[6], c);
    }

    [Fact]
    public void Empty_m_or_n_is_a_no_op()
    {
        float[] c = [7];
        Gemm.Sgemm(false, false, 0, 1, 4, new float[4], 4, new float[4], 1, Span<float>.Empty, 1, accumulate: false);
        Gemm.Sgemm(false, false, 1, 0, 4, new float[4], 4, ReadOnlySpan<float>.Empty, 1, c, 1, accumulate: false);
        Assert.Equal(7f, c[0]);
    }

    [Fact]
    public void Bad_arguments_throw_one_clear_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 2, new float[3], 2, new float[4], 2, new float[4], 2, false));
        Assert.Contains("A holds 3 floats", ex.Message);

        ex = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, true, 2, 3, 4, new float[8], 4, new float[12], 3, new float[6], 3, false));
        Assert.Contains("ldb=3", ex.Message);

        Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, -1, 2, 2, new float[4], 2, new float[4], 2, new float[4], 2, false));

        float[] shared = new float[16];
        ex = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 2, shared.AsSpan(0, 4), 2, shared.AsSpan(8, 4), 2, shared.AsSpan(2, 4), 2, false));
        Assert.Contains("overlap", ex.Message);
    }

    [Fact]
    public void Batched_broadcasts_a_zero_stride_operand()
    {
        (int batch, int m, int n, int k) = (5, 9, 11, 7);
        float[] a = KernelTestData.Uniform(m * k, 41);
        float[] b = KernelTestData.Uniform(batch * k * n, 42);
        float[] c = new float[batch * m * n];

        Gemm.SgemmBatched(false, false, batch, m, n, k, a, 0, b, k * n, c, m * n, accumulate: false);

        for (int i = 0; i < batch; i++)
        {
            float[] bi = b.AsSpan(i * k * n, k * n).ToArray();
            double[] expected = KernelTestData.ReferenceGemm(false, false, m, n, k, a, k, bi, n, new float[m * n], n, false);
            int offset = i * m * n;
            KernelTestData.AssertClose(expected, j => c[offset + j], $"batch item {i}");
        }
    }

    [Fact]
    public void Batched_with_zero_C_stride_sums_every_product()
    {
        (int batch, int m, int n, int k) = (4, 6, 5, 3);
        float[] a = KernelTestData.Uniform(batch * k * m, 51);
        float[] b = KernelTestData.Uniform(batch * n * k, 52);
        float[] c = KernelTestData.Uniform(m * n, 53);
        var expected = new double[m * n];
        for (int i = 0; i < batch; i++)
        {
            double[] part = KernelTestData.ReferenceGemm(
                true, true, m, n, k, a.AsSpan(i * k * m, k * m).ToArray(), m, b.AsSpan(i * n * k, n * k).ToArray(), k, c, n, false);
            for (int j = 0; j < part.Length; j++)
            {
                expected[j] += part[j];
            }
        }

        Gemm.SgemmBatched(true, true, batch, m, n, k, a, k * m, b, n * k, c, 0, accumulate: false);

        KernelTestData.AssertClose(expected, j => c[j], "sum over batch");
    }

    [Fact]
    public void Batched_small_items_run_in_parallel_with_the_same_bits_as_single_calls()
    {
        (int batch, int m, int n, int k) = (40, 30, 40, 50);
        float[] a = KernelTestData.Uniform(batch * m * k, 61);
        float[] b = KernelTestData.Uniform(batch * k * n, 62);
        float[] batched = new float[batch * m * n];
        float[] single = new float[batch * m * n];

        Gemm.SgemmBatched(false, true, batch, m, n, k, a, m * k, b, k * n, batched, m * n, accumulate: false);
        for (int i = 0; i < batch; i++)
        {
            Gemm.Sgemm(false, true, m, n, k, a.AsSpan(i * m * k, m * k), k, b.AsSpan(i * k * n, k * n), k, single.AsSpan(i * m * n, m * n), n, false);
        }

        Assert.Equal(single, batched);
    }

    private static bool Supported(GemmPath path) => path switch
    {
        GemmPath.Avx512Tile12x32 or GemmPath.Avx512Tile6x64 or GemmPath.Avx512TileRx32 or GemmPath.Avx512Tile16x16 => Vector512.IsHardwareAccelerated,
        GemmPath.Avx2Tile6x16 => Vector256.IsHardwareAccelerated && Fma.IsSupported,
        _ => true,
    };

    private static void Run(
        GemmPath path, bool transA, bool transB, int m, int n, int k,
        float[] a, int lda, float[] b, int ldb, float[] c, int ldc, bool accumulate, int threads,
        GemmLoopOrder order = GemmLoopOrder.Auto)
    {
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            Gemm.SgemmCore(path, transA, transB, m, n, k, pa, lda, pb, ldb, pc, ldc, accumulate, threads, order);
        }
    }
}
