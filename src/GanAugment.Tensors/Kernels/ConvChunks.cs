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
    /// <paramref name="minChunks"/> runs when the batch allows, then, with <paramref name="fitTiles"/>,
    /// trimmed (by at most a third) to the length that finishes first when <paramref name="threads"/>
    /// threads take whole runs: the most images any thread runs over the share of the 32-wide GEMM
    /// tiles a run's columns fill. (Fill alone picked runs of 7 for the AC-GAN's 7x7 maps, so a batch
    /// of 32 went as 7+7+7+7+4 and one thread ran 18 images while the other ran 14.)
    /// </summary>
    public static ConvChunks Plan(in ConvGeometry g, long budgetFloats, int minColumns, int minChunks, bool fitTiles, int threads = 1)
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
            double bestTime = Makespan(g.Batch, images, p, threads);
            for (int candidate = images - 1; candidate >= Math.Max(1, images * 2 / 3); candidate--)
            {
                double time = Makespan(g.Batch, candidate, p, threads);
                if (time < bestTime * 0.98)
                {
                    (best, bestTime) = (candidate, time);
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

    /// <summary>Images the busiest of <paramref name="threads"/> threads runs, over the tile fill of a run's columns.</summary>
    private static double Makespan(int batch, int images, long p, int threads)
    {
        int runs = (batch + images - 1) / images;
        int perThread = (runs + threads - 1) / threads;
        return Math.Min(batch, (long)perThread * images) / Fill(images * p);
    }

    private static double Fill(long columns) => (double)columns / (((columns + 31) / 32) * 32);
}
