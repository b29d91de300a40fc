using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Tests.Kernels;

public sealed unsafe class ConvWeightGradByChannelsTests
{
    [Theory]
    [InlineData(3, 13, 9, 7, 37, 5, 2, 2)]   // blocks of 7 and 6 channels, 37 = 32 + 5 output channels
    [InlineData(2, 40, 6, 5, 33, 3, 1, 1)]   // 3x3 taps: blocks of 20 channels (180 rows), one ragged column
    [InlineData(2, 23, 14, 14, 385, 5, 2, 2)] // the AC-GAN generator's 385-channel weight gradient on 23 channels: 8, 8, 7
    [InlineData(40, 23, 14, 14, 35, 5, 2, 2)] // K = 1960: the 2 MB block budget allows 10 channels (8, 8, 7); 3 dot columns
    public void Blocks_match_double_reference_with_identical_bits_on_one_and_two_threads(int batch, int cin, int h, int w, int cout, int k, int s, int p)
    {
        var g = new ConvGeometry(batch, cin, h, w, cout, k, s, p);
        float[] x = KernelTestData.Uniform((int)g.InputLength, 61);
        float[] gy = KernelTestData.Uniform((int)g.OutputLength, 62);
        Assert.True(ConvWeightGradByChannels.Fits(g));

        float[] one = Transposed(x, gy, g, 1);
        float[] two = Transposed(x, gy, g, 2);

        Assert.Equal(one, two);
        int ckk = cin * k * k;
        KernelTestData.AssertClose(ConvReference.WeightGrad(x, gy, g), i => one[((i % ckk) * cout) + (i / ckk)], $"channel-block weight grad {g}");
    }

    [Fact]
    public void Large_weight_goes_by_channel_blocks_through_Conv2dKernels()
    {
        var g = new ConvGeometry(2, 64, 8, 8, 660, 5, 2, 2);
        Assert.True(ConvWeightGradByChannels.Applies(g));
        Assert.False(ConvWeightGradByChannels.Applies(new ConvGeometry(64, 128, 7, 7, 256, 3, 1, 1)));
        float[] x = KernelTestData.Uniform((int)g.InputLength, 71);
        float[] gy = KernelTestData.Uniform((int)g.OutputLength, 72);
        float[] gw1 = KernelTestData.Uniform((int)g.WeightLength, 73);
        float[] gw2 = new float[g.WeightLength];

        Conv2dKernels.WeightGrad(x, gy, gw1, g, 1);
        Conv2dKernels.WeightGrad(x, gy, gw2, g, 2);

        Assert.Equal(gw1, gw2);
        KernelTestData.AssertClose(ConvReference.WeightGrad(x, gy, g), i => gw1[i], $"large weight grad {g}");
    }

    [Fact]
    public void Column_block_beyond_the_budget_is_refused()
    {
        var g = new ConvGeometry(64, 16, 56, 56, 8, 5, 1, 2);
        Assert.False(ConvWeightGradByChannels.Fits(g));
        Assert.Throws<ArgumentException>(() => Transposed(new float[g.InputLength], new float[g.OutputLength], g, 1));
    }

    /// <summary>The pass's [Cin·kh·kw, Cout] result on the given thread budget.</summary>
    private static float[] Transposed(float[] x, float[] gy, ConvGeometry g, int threads)
    {
        float[] gwt = KernelTestData.Uniform((int)g.WeightLength, 5);
        fixed (float* px = x)
        fixed (float* pgy = gy)
        fixed (float* pgwt = gwt)
        {
            ConvWeightGradByChannels.Run(px, pgy, pgwt, g, threads);
        }

        return gwt;
    }
}
