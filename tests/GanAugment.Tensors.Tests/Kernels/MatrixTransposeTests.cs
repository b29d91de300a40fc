using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Tests.Kernels;

public sealed unsafe class MatrixTransposeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    [InlineData(13, 21)]
    [InlineData(16, 8)]
    [InlineData(7, 40)]
    public void Transposes_with_strides(int rows, int cols)
    {
        int lds = cols + 3;
        int ldd = rows + 2;
        float[] src = KernelTestData.Uniform(rows * lds, rows * 100 + cols);
        float[] dst = new float[cols * ldd];

        fixed (float* ps = src)
        fixed (float* pd = dst)
        {
            MatrixTranspose.Run(ps, rows, cols, lds, pd, ldd);
        }

        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                Assert.Equal(src[(i * lds) + j], dst[(j * ldd) + i]);
            }
        }
    }

    [Theory]
    [InlineData(301, 900, 2)]
    [InlineData(512, 600, 3)]
    [InlineData(20, 100, 2)]
    public void RunParallel_writes_what_Run_writes(int rows, int cols, int threads)
    {
        float[] src = KernelTestData.Uniform(rows * cols, rows + cols);
        float[] serial = new float[cols * rows];
        float[] parallel = new float[cols * rows];

        fixed (float* ps = src)
        fixed (float* p1 = serial)
        fixed (float* p2 = parallel)
        {
            MatrixTranspose.Run(ps, rows, cols, cols, p1, rows);
            MatrixTranspose.RunParallel(ps, rows, cols, cols, p2, rows, threads);
        }

        Assert.Equal(serial, parallel);
        Assert.Equal(src[(17 * cols) + 5], parallel[(5 * rows) + 17]);
    }

    [Fact]
    public void Block4x8_transposes_and_accumulates()
    {
        if (!System.Runtime.Intrinsics.X86.Avx.IsSupported)
        {
            return;
        }

        (int lds, int ldd) = (11, 6);
        float[] src = KernelTestData.Uniform(4 * lds, 5);
        float[] dst = KernelTestData.Uniform(8 * ldd, 6);
        float[] before = (float[])dst.Clone();

        fixed (float* ps = src)
        fixed (float* pd = dst)
        {
            MatrixTranspose.Block4x8(ps, lds, pd, ldd, accumulate: true);
        }

        for (int t = 0; t < 8; t++)
        {
            for (int r = 0; r < ldd; r++)
            {
                float expected = r < 4 ? before[(t * ldd) + r] + src[(r * lds) + t] : before[(t * ldd) + r];
                Assert.Equal(expected, dst[(t * ldd) + r]);
            }
        }
    }
}
