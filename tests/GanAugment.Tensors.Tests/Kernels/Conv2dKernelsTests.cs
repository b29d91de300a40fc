using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Tests.Kernels;

public sealed class Conv2dKernelsTests
{
    // Batch, Cin, H, W, Cout, kh, kw, sh, sw, ph, pw
    private static readonly ConvGeometry[] Geometries =
    [
        new(2, 3, 7, 9, 4, 3, 2, 1, 2, 1, 0),   // non-square everything
        new(3, 1, 8, 8, 5, 3, 3, 2, 2, 1, 1),   // Cin = 1 first layer, stride 2
        new(2, 3, 10, 10, 4, 5, 5, 2, 2, 2, 2), // 5x5 stride 2 pad 2 (AC-GAN generator)
        new(2, 4, 8, 8, 3, 4, 4, 2, 2, 1, 1),   // DCGAN 4x4 stride 2 pad 1
        new(2, 5, 4, 4, 6, 1, 1, 1, 1, 0, 0),   // 1x1
        new(1, 2, 2, 3, 2, 3, 3, 1, 1, 1, 1),   // kernel larger than the image
        new(8, 2, 6, 6, 3, 3, 3, 1, 1, 1, 1),   // many small images: batch-folded runs
        new(3, 2, 9, 5, 7, 3, 1, 3, 1, 0, 2),   // stride 3, asymmetric padding
        new(2, 2, 5, 37, 3, 3, 3, 1, 1, 1, 1),  // lines longer than one 16-lane vector
        new(2, 2, 6, 41, 3, 3, 3, 2, 2, 1, 1),  // stride 2, 21-wide output lines

        // One input channel: image by image on row kernels (ConvOneChannel).
        new(3, 1, 28, 28, 32, 3, 3, 2, 2, 1, 1),  // AC-GAN first layer: P = 196, four 8-row tiles
        new(2, 1, 28, 28, 13, 5, 5, 2, 2, 2, 2),  // 25 taps in 9-row tiles (2 zero rows), 13 channels in 7-row tiles
        new(2, 1, 9, 11, 20, 2, 3, 1, 2, 0, 1),   // non-square kernel and stride, P = 48
        new(2, 1, 16, 16, 3, 4, 4, 2, 2, 1, 1),   // DCGAN 4x4 stride 2, P = 64: whole tiles only
        new(1, 1, 40, 40, 40, 3, 3, 1, 1, 1, 1),  // lines wider than a tile, 10-row tiles
        new(2, 1, 5, 5, 1, 5, 5, 3, 3, 2, 2),     // one output channel, 2x2 output
        new(9, 1, 3, 3, 2, 2, 2, 1, 1, 0, 0),     // images of 8 output floats: a 32-wide tile spans several
    ];

    public static TheoryData<int, int, long> Cases()
    {
        // Geometry index, thread budget, column budget (tiny budgets force one image per run
        // and many runs, including WeightGrad's K split).
        var data = new TheoryData<int, int, long>();
        for (int i = 0; i < Geometries.Length; i++)
        {
            data.Add(i, 1, -1);
            data.Add(i, 2, -1);
            data.Add(i, 2, 1);
            data.Add(i, 1, 400);
        }

        return data;
    }

    /// <summary>The default tuning for a negative budget, else that budget with no minimum run length.</summary>
    private static ConvTuning Tuning(long budget) => budget < 0 ? ConvTuning.Default : new ConvTuning(budget, budget, 1);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_matches_direct_loops(int index, int threads, long budget)
    {
        ConvGeometry g = Geometries[index];
        float[] x = KernelTestData.Uniform((int)g.InputLength, 1 + index);
        float[] w = KernelTestData.Uniform((int)g.WeightLength, 2 + index);
        float[] y = KernelTestData.Uniform((int)g.OutputLength, 3);

        Conv2dKernels.Forward(x, w, y, g, threads, Tuning(budget));

        KernelTestData.AssertClose(ConvReference.Forward(x, w, g), i => y[i], $"forward {g}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InputGrad_matches_direct_loops(int index, int threads, long budget)
    {
        ConvGeometry g = Geometries[index];
        float[] gy = KernelTestData.Uniform((int)g.OutputLength, 4 + index);
        float[] w = KernelTestData.Uniform((int)g.WeightLength, 5 + index);
        float[] gx = KernelTestData.Uniform((int)g.InputLength, 6);

        Conv2dKernels.InputGrad(gy, w, gx, g, threads, Tuning(budget));

        KernelTestData.AssertClose(ConvReference.InputGrad(gy, w, g), i => gx[i], $"input grad {g}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WeightGrad_matches_direct_loops(int index, int threads, long budget)
    {
        ConvGeometry g = Geometries[index];
        float[] x = KernelTestData.Uniform((int)g.InputLength, 7 + index);
        float[] gy = KernelTestData.Uniform((int)g.OutputLength, 8 + index);
        float[] gw = KernelTestData.Uniform((int)g.WeightLength, 9);

        Conv2dKernels.WeightGrad(x, gy, gw, g, threads, Tuning(budget));

        KernelTestData.AssertClose(ConvReference.WeightGrad(x, gy, g), i => gw[i], $"weight grad {g}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void Passes_are_adjoint(int index)
    {
        // <conv(x), gy> = <x, InputGrad(gy)> = <w, WeightGrad(x, gy)>: all three are the same sum.
        ConvGeometry g = Geometries[index];
        float[] x = KernelTestData.Uniform((int)g.InputLength, 21);
        float[] w = KernelTestData.Uniform((int)g.WeightLength, 22);
        float[] gy = KernelTestData.Uniform((int)g.OutputLength, 23);
        float[] y = new float[g.OutputLength];
        float[] gx = new float[g.InputLength];
        float[] gw = new float[g.WeightLength];

        Conv2dKernels.Forward(x, w, y, g);
        Conv2dKernels.InputGrad(gy, w, gx, g);
        Conv2dKernels.WeightGrad(x, gy, gw, g);

        double viaOutput = Dot(y, gy);
        double viaInput = Dot(x, gx);
        double viaWeight = Dot(w, gw);
        double scale = Math.Max(1, Math.Abs(viaOutput));
        Assert.InRange(Math.Abs(viaInput - viaOutput) / scale, 0, 1e-5);
        Assert.InRange(Math.Abs(viaWeight - viaOutput) / scale, 0, 1e-5);
    }

    [Fact]
    public void InputGrad_is_conv_transpose2d_with_output_padding()
    {
        // AC-GAN generator block, scaled down: ConvTranspose2d(6 -> 4, 5, stride 2, padding 2, output_padding 1) on 4x4.
        (int n, int ci, int h, int w, int co, int k, int s, int p, int op) = (2, 6, 4, 4, 4, 5, 2, 2, 1);
        float[] input = KernelTestData.Uniform(n * ci * h * w, 31);
        float[] weight = KernelTestData.Uniform(ci * co * k * k, 32);
        double[] expected = ConvReference.ConvTranspose(input, weight, n, ci, h, w, co, k, s, p, op);

        int outH = ((h - 1) * s) - (2 * p) + k + op;
        var g = new ConvGeometry(n, co, outH, outH, ci, k, s, p);
        Assert.Equal(h, g.OutHeight);
        float[] output = new float[g.InputLength];
        Conv2dKernels.InputGrad(input, weight, output, g);

        KernelTestData.AssertClose(expected, i => output[i], "conv_transpose2d");
    }

    [Theory]
    [InlineData(1, 16, 32, 32, 32, 3, 1, 1)] // one large image: threads inside the GEMM and im2col
    [InlineData(6, 8, 14, 14, 16, 3, 2, 1)]  // several runs: threads across runs
    [InlineData(4, 1, 28, 28, 12, 5, 2, 2)]  // Cin = 1
    [InlineData(11, 1, 16, 16, 20, 3, 1, 1)] // Cin = 1, weight gradient halves of 6 and 5 images in runs of 4
    public void One_and_two_threads_give_identical_bits(int batch, int cin, int h, int w, int cout, int k, int s, int p)
    {
        var g = new ConvGeometry(batch, cin, h, w, cout, k, s, p);
        float[] x = KernelTestData.Uniform((int)g.InputLength, 41);
        float[] wt = KernelTestData.Uniform((int)g.WeightLength, 42);
        float[] gy = KernelTestData.Uniform((int)g.OutputLength, 43);
        var outputs = new List<float[]>();
        foreach (int threads in new[] { 1, 2 })
        {
            float[] y = new float[g.OutputLength];
            float[] gx = new float[g.InputLength];
            float[] gw = new float[g.WeightLength];
            Conv2dKernels.Forward(x, wt, y, g, threads);
            Conv2dKernels.InputGrad(gy, wt, gx, g, threads);
            Conv2dKernels.WeightGrad(x, gy, gw, g, threads);
            outputs.AddRange([y, gx, gw]);
        }

        Assert.Equal(outputs[0], outputs[3]);
        Assert.Equal(outputs[1], outputs[4]);
        Assert.Equal(outputs[2], outputs[5]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void InputGrad_by_channel_blocks_gives_the_bits_of_one_column_block(int threads)
    {
        // 16 channels x 25 taps = 400 rows: blocks of 11 and 5 channels when forced.
        var g = new ConvGeometry(5, 16, 10, 10, 6, 5, 2, 2);
        float[] w = KernelTestData.Uniform((int)g.WeightLength, 61);
        float[] gy = KernelTestData.Uniform((int)g.OutputLength, 62);
        float[] whole = new float[g.InputLength];
        float[] blocked = new float[g.InputLength];
        var tuning = ConvTuning.Default;

        Conv2dKernels.InputGrad(gy, w, whole, g, threads, tuning with { BlockFloats = long.MaxValue });
        Conv2dKernels.InputGrad(gy, w, blocked, g, threads, tuning with { BlockFloats = 1 });

        Assert.Equal(11, ConvPasses.InputGradBlockChannels(g, 64, 1));
        Assert.Equal(whole, blocked);
        KernelTestData.AssertClose(ConvReference.InputGrad(gy, w, g), i => blocked[i], $"blocked input grad {g}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Forward_by_K_slices_gives_the_bits_of_one_column_block(int threads)
    {
        // 16 channels x 25 taps = 400 column rows: two K slices of 200 when forced.
        var g = new ConvGeometry(5, 16, 10, 10, 6, 5, 2, 2);
        float[] x = KernelTestData.Uniform((int)g.InputLength, 63);
        float[] w = KernelTestData.Uniform((int)g.WeightLength, 64);
        float[] whole = new float[g.OutputLength];
        float[] sliced = new float[g.OutputLength];
        var tuning = ConvTuning.Default;

        Conv2dKernels.Forward(x, w, whole, g, threads, tuning with { BlockFloats = long.MaxValue });
        Conv2dKernels.Forward(x, w, sliced, g, threads, tuning with { BlockFloats = 1 });

        Assert.Equal(whole, sliced);
        KernelTestData.AssertClose(ConvReference.Forward(x, w, g), i => sliced[i], $"sliced forward {g}");
    }

    [Theory]
    [InlineData(5)] // runs 0+1, 2+3 in pairs, run 4 alone
    [InlineData(6)] // three pairs
    public void WeightGrad_runs_in_pairs_give_identical_bits_on_one_and_two_threads(int batch)
    {
        // One image per run (tiny budget), so the pairs and a lone last run are all exercised.
        var g = new ConvGeometry(batch, 3, 9, 9, 5, 3, 1, 1);
        float[] x = KernelTestData.Uniform((int)g.InputLength, 51);
        float[] gy = KernelTestData.Uniform((int)g.OutputLength, 52);
        float[] gw1 = new float[g.WeightLength];
        float[] gw2 = new float[g.WeightLength];
        var tuning = new ConvTuning(1, 1, 1);

        Conv2dKernels.WeightGrad(x, gy, gw1, g, 1, tuning);
        Conv2dKernels.WeightGrad(x, gy, gw2, g, 2, tuning);

        Assert.Equal(gw1, gw2);
        KernelTestData.AssertClose(ConvReference.WeightGrad(x, gy, g), i => gw2[i], $"paired weight grad {g}");
    }

    [Fact]
    public void Empty_batch_gives_zero_weight_gradient()
    {
        var g = new ConvGeometry(0, 2, 5, 5, 3, 3, 1, 1);
        float[] gw = [.. Enumerable.Repeat(1f, (int)g.WeightLength)];

        Conv2dKernels.Forward([], new float[g.WeightLength], [], g);
        Conv2dKernels.WeightGrad([], [], gw, g);

        Assert.All(gw, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Geometry_computes_output_size_with_floor()
    {
        var g = new ConvGeometry(1, 1, 28, 28, 1, 3, 2, 1);
        Assert.Equal(14, g.OutHeight);
        var odd = new ConvGeometry(1, 1, 28, 27, 1, 5, 5, 2, 3, 2, 0);
        Assert.Equal(14, odd.OutHeight); // floor(27 / 2) + 1
        Assert.Equal(8, odd.OutWidth);   // floor(22 / 3) + 1
    }

    [Fact]
    public void Invalid_geometry_and_lengths_throw_one_clear_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ConvGeometry(1, 1, 2, 2, 1, 5, 1, 0).Validate());
        Assert.Contains("kernel is larger", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new ConvGeometry(1, 1, 4, 4, 1, 3, 0, 0).Validate());
        Assert.Contains("StrideH must be at least 1", ex.Message);

        var g = new ConvGeometry(2, 1, 4, 4, 3, 3, 1, 1);
        ex = Assert.Throws<ArgumentException>(() => Conv2dKernels.Forward(new float[31], new float[27], new float[96], g));
        Assert.Contains("x holds 31 floats but [2, 1, 4, 4] needs 32", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Conv2dKernels.WeightGrad(new float[32], new float[96], new float[26], g));
        Assert.Contains("gw holds 26 floats but [3, 1, 3, 3] needs 27", ex.Message);
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return sum;
    }
}
