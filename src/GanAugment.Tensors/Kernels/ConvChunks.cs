namespace GanAugment.Tensors.Kernels;

/// <summary>
/// How a convolution pass walks the batch: runs of <see cref="Images"/> whole images whose columns
/// (im2col) fit a scratch budget; <see cref="Count"/> runs in all.
/// </summary>
internal readonly record struct ConvChunks(int Images, int Count)
{
    /// <summary>
    /// Largest run whose column block (Cin·kh·kw x images·P floats) fits <paramref name="budgetFloats"/>
    /// (but at least <paramref name="minColumns"/> columns: the weight operand is streamed once per
    /// run, so a 5x5x192 weight against 49 columns would starve the micro-kernel), shrunk so there are at least
    /// <paramref name="minChunks"/> runs when the batch allows, then trimmed (by at most a third) to
    /// the length whose columns best fill 32-wide GEMM tiles.
    /// </summary>
    public static ConvChunks Plan(in ConvGeometry g, long budgetFloats, int minColumns, int minChunks, bool fitTiles)
    {
        if (g.Batch == 0)
        {
            return new ConvChunks(1, 0);
        }

        long p = (long)g.OutHeight * g.OutWidth;
        long columnFloats = (long)g.InChannels * g.KernelH * g.KernelW * p;
        long byBudget = Math.Max(budgetFloats / columnFloats, (minColumns + p - 1) / p);
        int images = (int)Math.Clamp(byBudget, 1, g.Batch);
        if (minChunks > 1)
        {
            images = Math.Min(images, Math.Max(1, (g.Batch + minChunks - 1) / minChunks));
        }

        if (fitTiles)
        {
            int best = images;
            double bestFill = Fill(images * p);
            for (int candidate = images - 1; candidate >= Math.Max(1, images * 2 / 3); candidate--)
            {
                double fill = Fill(candidate * p);
                if (fill > bestFill + 0.02)
                {
                    (best, bestFill) = (candidate, fill);
                }
            }

            images = best;
        }

        return new ConvChunks(images, (g.Batch + images - 1) / images);
    }

    /// <summary>First image and image count of run <paramref name="index"/>.</summary>
    public (int First, int Count) Run(int index, int batch)
    {
        int first = index * Images;
        return (first, Math.Min(Images, batch - first));
    }

    private static double Fill(long columns) => (double)columns / (((columns + 31) / 32) * 32);
}
