namespace GanAugment.Bench.Cases;

/// <summary>Every benchmark case, in report order.</summary>
public static class BenchCatalog
{
    public static IEnumerable<IBenchCase> All()
    {
        // Fully connected layers of the GAN MLPs at batch 64, and the im2col-shaped conv products.
        foreach (GemmCase c in GemmCase.WithBackward(64, 784, 512))
        {
            yield return c;
        }

        foreach (GemmCase c in GemmCase.WithBackward(64, 1024, 784))
        {
            yield return c;
        }

        foreach (GemmCase c in GemmCase.WithBackward(3136, 1152, 256))
        {
            yield return c;
        }

        foreach (GemmCase c in GemmCase.WithBackward(3136, 385, 4800))
        {
            yield return c;
        }

        // Skinny products of first/last layers: K = 9 (3x3, Cin = 1) and K = 25 (5x5, Cin = 1).
        foreach (GemmCase c in GemmCase.WithBackward(12544, 9, 32))
        {
            yield return c;
        }

        foreach (GemmCase c in GemmCase.WithBackward(12544, 25, 192))
        {
            yield return c;
        }
    }
}
