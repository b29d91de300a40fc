using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Tests.Kernels;

public sealed unsafe class StridedLineTests
{
    public static TheoryData<int, int> Lengths()
    {
        var data = new TheoryData<int, int>();
        foreach (int stride in new[] { 1, 2, 3 })
        {
            foreach (int n in new[] { 0, 1, 7, 8, 14, 15, 16, 17, 28, 31, 32, 33, 49 })
            {
                data.Add(stride, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Gather_reads_every_stride_th_value_and_writes_nothing_else(int stride, int n)
    {
        float[] src = KernelTestData.Uniform(Math.Max(1, ((n - 1) * stride) + 1), n + stride);
        float[] dst = Enumerable.Repeat(42f, n + 20).ToArray();

        fixed (float* ps = src)
        fixed (float* pd = dst)
        {
            StridedLine.Gather(ps, stride, pd, n);
        }

        for (int t = 0; t < n; t++)
        {
            Assert.Equal(src[t * stride], dst[t]);
        }

        Assert.All(dst.Skip(n), v => Assert.Equal(42f, v));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ScatterAdd_adds_onto_every_stride_th_value_and_leaves_the_rest(int stride, int n)
    {
        float[] src = KernelTestData.Uniform(n + 1, 3 * n);
        int span = Math.Max(1, ((n - 1) * stride) + 1);
        float[] dst = KernelTestData.Uniform(span + 20, 5 * n + 1);
        float[] before = (float[])dst.Clone();

        fixed (float* ps = src)
        fixed (float* pd = dst)
        {
            StridedLine.ScatterAdd(ps, pd, stride, n);
        }

        for (int i = 0; i < dst.Length; i++)
        {
            bool hit = i % stride == 0 && i / stride < n;
            Assert.Equal(hit ? before[i] + src[i / stride] : before[i], dst[i]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(40)]
    public void Clear_zeroes_exactly_n_values(int n)
    {
        float[] dst = Enumerable.Repeat(1f, n + 18).ToArray();
        fixed (float* pd = dst)
        {
            StridedLine.Clear(pd, n);
        }

        Assert.All(dst.Take(n), v => Assert.Equal(0f, v));
        Assert.All(dst.Skip(n), v => Assert.Equal(1f, v));
    }
}
