namespace GanAugment.Tensors.Kernels;

/// <summary>Which micro-kernel a GEMM runs; <see cref="Auto"/> picks by hardware and shape.</summary>
internal enum GemmPath
{
    /// <summary>Pick the best supported kernel for the shape.</summary>
    Auto,

    /// <summary>AVX-512, 12x32 tile (the general-purpose default).</summary>
    Avx512Tile12x32,

    /// <summary>AVX-512, 6x64 tile (wins when M is small and N wide).</summary>
    Avx512Tile6x64,

    /// <summary>AVX-512, R x 32 tile with R = 1..12 chosen to pad M least (see <see cref="RowKernels.Rows"/>).</summary>
    Avx512TileRx32,

    /// <summary>AVX-512, 16x16 tile (narrow C, N ≤ 16).</summary>
    Avx512Tile16x16,

    /// <summary>AVX-512 dot products along K, 4x4 tile, for A·Bᵀ only (see <see cref="GemmDot"/>); other layouts fall back to <see cref="Auto"/>.</summary>
    Avx512Dot4x4,

    /// <summary>AVX2+FMA, 6x16 tile (CPUs where Vector512 is not accelerated).</summary>
    Avx2Tile6x16,

    /// <summary>Portable scalar 4x8 tile.</summary>
    Scalar,
}
