using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Tests.Kernels;

/// <summary>Direct double-precision loops for the convolution passes (the definitions, no tricks).</summary>
internal static class ConvReference
{
    public static double[] Forward(float[] x, float[] w, ConvGeometry g)
    {
        var y = new double[g.OutputLength];
        Visit(g, (n, o, c, i, j, u, v, xi, yi, wi) => y[yi] += (double)w[wi] * x[xi]);
        return y;
    }

    public static double[] InputGrad(float[] gy, float[] w, ConvGeometry g)
    {
        var gx = new double[g.InputLength];
        Visit(g, (n, o, c, i, j, u, v, xi, yi, wi) => gx[xi] += (double)w[wi] * gy[yi]);
        return gx;
    }

    public static double[] WeightGrad(float[] x, float[] gy, ConvGeometry g)
    {
        var gw = new double[g.WeightLength];
        Visit(g, (n, o, c, i, j, u, v, xi, yi, wi) => gw[wi] += (double)gy[yi] * x[xi]);
        return gw;
    }

    /// <summary>
    /// PyTorch's conv_transpose2d(input [N, Ci, H, W], weight [Ci, Co, k, k], stride, padding,
    /// output_padding) by its scatter definition; output [N, Co, (H−1)·s − 2p + k + op, same for W].
    /// </summary>
    public static double[] ConvTranspose(float[] input, float[] weight, int n, int ci, int h, int w, int co, int k, int s, int p, int op)
    {
        int oh = ((h - 1) * s) - (2 * p) + k + op;
        int ow = ((w - 1) * s) - (2 * p) + k + op;
        var output = new double[n * co * oh * ow];
        for (int b = 0; b < n; b++)
        {
            for (int c = 0; c < ci; c++)
            {
                for (int i = 0; i < h; i++)
                {
                    for (int j = 0; j < w; j++)
                    {
                        double value = input[(((b * ci) + c) * h * w) + (i * w) + j];
                        for (int o = 0; o < co; o++)
                        {
                            for (int u = 0; u < k; u++)
                            {
                                for (int v = 0; v < k; v++)
                                {
                                    int y = (i * s) - p + u;
                                    int x = (j * s) - p + v;
                                    if (y >= 0 && y < oh && x >= 0 && x < ow)
                                    {
                                        output[(((b * co) + o) * oh * ow) + (y * ow) + x] += value * weight[(((c * co) + o) * k * k) + (u * k) + v];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        return output;
    }

    private delegate void Tap(int n, int o, int c, int i, int j, int u, int v, long xIndex, long yIndex, long wIndex);

    private static void Visit(ConvGeometry g, Tap tap)
    {
        for (int n = 0; n < g.Batch; n++)
        {
            for (int o = 0; o < g.OutChannels; o++)
            {
                for (int i = 0; i < g.OutHeight; i++)
                {
                    for (int j = 0; j < g.OutWidth; j++)
                    {
                        long yi = ((((long)n * g.OutChannels) + o) * g.OutHeight * g.OutWidth) + (i * g.OutWidth) + j;
                        for (int c = 0; c < g.InChannels; c++)
                        {
                            for (int u = 0; u < g.KernelH; u++)
                            {
                                int h = (i * g.StrideH) - g.PadH + u;
                                if (h < 0 || h >= g.InHeight)
                                {
                                    continue;
                                }

                                for (int v = 0; v < g.KernelW; v++)
                                {
                                    int w = (j * g.StrideW) - g.PadW + v;
                                    if (w < 0 || w >= g.InWidth)
                                    {
                                        continue;
                                    }

                                    long xi = ((((long)n * g.InChannels) + c) * g.InHeight * g.InWidth) + (h * g.InWidth) + w;
                                    long wi = ((((long)o * g.InChannels) + c) * g.KernelH * g.KernelW) + (u * g.KernelW) + v;
                                    tap(n, o, c, i, j, u, v, xi, yi, wi);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
