using GanAugment.Tensors.Kernels;

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

        // The generator's last layer: its forward x·Wᵀ is this case's dA (W 784x1024, rows 4 KB apart).
        foreach (GemmCase c in GemmCase.WithBackward(64, 784, 1024))
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

        // Full training steps of the two reference networks (issue "Engine speed").
        foreach (IBenchCase c in ReferenceStepCase.All())
        {
            yield return c;
        }

        // A table model's step at credit-g's size (issue 16), a training step of the recurrent GAN
        // of the time-series issue, its LSTM layer alone, and the layer's per-step recurrent
        // product h·W_hhᵀ (four gates in one product) with its backward.
        foreach (IBenchCase c in ModelStepCase.All())
        {
            yield return c;
        }

        yield return new LstmCase(64, 30, 3, 100);
        foreach (GemmCase c in GemmCase.WithBackward(64, 100, 400))
        {
            yield return c;
        }

        foreach (int batch in new[] { 32, 64 })
        {
            foreach (IBenchCase c in ConvLayers(batch))
            {
                yield return c;
            }
        }

        // Reading a 100 MB CSV file: the hand-written tokenizer against CsvHelper (docs/CSV.md).
        foreach (IBenchCase c in CsvReadCase.All())
        {
            yield return c;
        }
    }

    /// <summary>
    /// The AC-GAN discriminator's 3x3 convolutions on 28x28 and the generator's 5x5 stride-2
    /// transposed convolutions (padding 2, output_padding 1), plus a DCGAN 4x4 stride-2 pair.
    /// </summary>
    private static IEnumerable<IBenchCase> ConvLayers(int b)
    {
        var layers = new (string Label, ConvGeometry Geometry, bool Transposed)[]
        {
            ($"conv 1→32 3x3 s2 28→14 b{b}", new ConvGeometry(b, 1, 28, 28, 32, 3, 2, 1), false),
            ($"conv 32→64 3x3 s1 14→14 b{b}", new ConvGeometry(b, 32, 14, 14, 64, 3, 1, 1), false),
            ($"conv 64→128 3x3 s2 14→7 b{b}", new ConvGeometry(b, 64, 14, 14, 128, 3, 2, 1), false),
            ($"conv 128→256 3x3 s1 7→7 b{b}", new ConvGeometry(b, 128, 7, 7, 256, 3, 1, 1), false),
            ($"convT 385→192 5x5 s2 7→14 b{b}", new ConvGeometry(b, 192, 14, 14, 385, 5, 2, 2), true),
            ($"convT 192→1 5x5 s2 14→28 b{b}", new ConvGeometry(b, 1, 28, 28, 192, 5, 2, 2), true),
            ($"dcgan conv 64→128 4x4 s2 16→8 b{b}", new ConvGeometry(b, 64, 16, 16, 128, 4, 2, 1), false),
            ($"dcgan convT 128→64 4x4 s2 8→16 b{b}", new ConvGeometry(b, 64, 16, 16, 128, 4, 2, 1), true),
        };
        foreach ((string label, ConvGeometry g, bool transposed) in layers)
        {
            foreach (ConvCase c in transposed ? ConvCase.ConvTranspose(label, g) : ConvCase.Conv(label, g))
            {
                yield return c;
            }
        }
    }
}
