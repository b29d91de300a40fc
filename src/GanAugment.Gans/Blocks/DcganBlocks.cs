using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>How a critic normalises its hidden layers.</summary>
public enum CriticNorm
{
    /// <summary>BatchNorm (DCGAN, WGAN with clipping).</summary>
    Batch,

    /// <summary>LayerNorm over C·H·W: WGAN-GP, whose per-sample penalty forbids batch coupling (Gulrajani et al. §4).</summary>
    Layer,

    None,
}

/// <summary>
/// The DCGAN networks (Radford et al. 2016, https://arxiv.org/abs/1511.06434) for square images
/// whose side is r·2^n with r in 4..7 and n ≥ 1 (28 = 7·4, 32 = 4·8, 64 = 4·16): strided
/// (transposed) 4x4 convolutions, BatchNorm, ReLU in G and LeakyReLU 0.2 in D, tanh output, no
/// pooling and no hidden dense layers. G projects the input to r×r maps of width·2^(n-1) channels
/// and doubles the side n times while halving the channels; D mirrors it and ends in an r×r
/// convolution. Conditional variants widen the inputs.
/// </summary>
internal static class DcganBlocks
{
    /// <summary>G: [N, inputs] → [N, C, H, W] in [-1, 1].</summary>
    public static Sequential Generator(ImageSpec spec, int inputs, int width, Rng rng)
    {
        var (start, doublings) = Plan(spec);
        var channels = width << (doublings - 1);
        var layers = new List<Module<Tensor, Tensor>> { new Unflatten(inputs) };
        layers.AddRange(UpBlock(inputs, channels, start, 1, 0, rng)); // start x start
        for (; channels > width; channels /= 2)
            layers.AddRange(UpBlock(channels, channels / 2, 4, 2, 1, rng)); // side doubled
        layers.Add(new ConvTranspose2d(width, spec.Channels, 4, rng, stride: 2, padding: 1)); // H x W
        layers.Add(new Tanh());
        var g = new Sequential(layers);
        Init.DcganInit(g, rng);
        return g;
    }

    /// <summary>D: [N, channels, H, W] → [N, 1] logit (or critic value).</summary>
    public static Sequential Discriminator(ImageSpec spec, int channels, int width, CriticNorm norm, Rng rng)
    {
        var (start, doublings) = Plan(spec);
        var layers = new List<Module<Tensor, Tensor>>
        {
            new Conv2d(channels, width, 4, rng, stride: 2, padding: 1), new LeakyReLU(0.2f), // H/2
        };
        var (size, hidden) = (spec.Height / 2, width);
        for (; size > start; hidden *= 2)
            layers.AddRange(DownBlock(hidden, hidden * 2, size /= 2, norm, rng)); // side halved
        layers.Add(new Conv2d(hidden, 1, start, rng));
        layers.Add(new Flatten());
        var d = new Sequential(layers);
        Init.DcganInit(d, rng);
        return d;
    }

    /// <summary>
    /// The side r of G's first maps and the number n of stride-2 doublings to the image side: the
    /// side halved while above 7 (28 → 7 with n = 2, 32 → 4 with n = 3, 64 → 4 with n = 4).
    /// </summary>
    public static (int Start, int Doublings) Plan(ImageSpec spec)
    {
        var (start, doublings) = (spec.Height, 0);
        for (; start > 7 && start % 2 == 0; start /= 2) doublings++;
        if (spec.Height != spec.Width || start is < 4 or > 7 || doublings < 1)
            throw new ArgumentException($"the convolutional GANs need square images with a side of 4, 5, 6 or 7 times a power of 2 (8, 12, 16, 28, 32, 64, ...), got {spec.Height}x{spec.Width}");
        return (start, doublings);
    }

    private static IEnumerable<Module<Tensor, Tensor>> UpBlock(int cin, int cout, int k, int s, int p, Rng rng) =>
        [new ConvTranspose2d(cin, cout, k, rng, stride: s, padding: p, bias: false), new BatchNorm2d(cout), new ReLU()];

    private static IEnumerable<Module<Tensor, Tensor>> DownBlock(int cin, int cout, int outSize, CriticNorm norm, Rng rng)
    {
        yield return new Conv2d(cin, cout, 4, rng, stride: 2, padding: 1, bias: norm == CriticNorm.None);
        if (norm == CriticNorm.Batch) yield return new BatchNorm2d(cout);
        if (norm == CriticNorm.Layer) yield return new LayerNorm([cout, outSize, outSize]);
        yield return new LeakyReLU(0.2f);
    }

    /// <summary>[N, F] → [N, F, 1, 1], the input of the first transposed convolution.</summary>
    private sealed class Unflatten(int features) : Module<Tensor, Tensor>, IOnnxExportable
    {
        public override Tensor Forward(Tensor input) => input.Reshape(-1, features, 1, 1);

        public string ExportOnnx(OnnxModuleExporter exporter, string input) =>
            exporter.Graph.Node("Reshape", [input, exporter.Graph.Int64s("unflatten_shape", -1, features, 1, 1)]);
    }
}
