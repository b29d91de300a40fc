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
}
