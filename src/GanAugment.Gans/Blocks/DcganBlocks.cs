using GanAugment.NN;
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
/// The DCGAN networks (Radford et al. 2016, https://arxiv.org/abs/1511.06434) for 28x28 and 32x32
/// images: strided (transposed) 4x4 convolutions, BatchNorm, ReLU in G and LeakyReLU 0.2 in D,
/// tanh output, no pooling and no hidden dense layers. Conditional variants widen the inputs.
/// </summary>
internal static class DcganBlocks
{
    /// <summary>G: [N, inputs] → [N, C, H, W] in [-1, 1].</summary>
    public static Sequential Generator(ImageSpec spec, int inputs, int width, Rng rng)
    {
        CheckSize(spec);
        var layers = new List<Module<Tensor, Tensor>> { new Unflatten(inputs) };
        if (spec.Height == 32)
        {
            layers.AddRange(UpBlock(inputs, width * 4, 4, 1, 0, rng));   // 4x4
            layers.AddRange(UpBlock(width * 4, width * 2, 4, 2, 1, rng)); // 8x8
            layers.AddRange(UpBlock(width * 2, width, 4, 2, 1, rng));     // 16x16
            layers.Add(new ConvTranspose2d(width, spec.Channels, 4, rng, stride: 2, padding: 1)); // 32x32
        }
        else
        {
            layers.AddRange(UpBlock(inputs, width * 2, 7, 1, 0, rng));    // 7x7
            layers.AddRange(UpBlock(width * 2, width, 4, 2, 1, rng));     // 14x14
            layers.Add(new ConvTranspose2d(width, spec.Channels, 4, rng, stride: 2, padding: 1)); // 28x28
        }
        layers.Add(new Tanh());
        var g = new Sequential(layers);
        Init.DcganInit(g, rng);
        return g;
    }

    /// <summary>D: [N, channels, H, W] → [N, 1] logit (or critic value).</summary>
    public static Sequential Discriminator(ImageSpec spec, int channels, int width, CriticNorm norm, Rng rng)
    {
        CheckSize(spec);
        var layers = new List<Module<Tensor, Tensor>>
        {
            new Conv2d(channels, width, 4, rng, stride: 2, padding: 1), new LeakyReLU(0.2f),
        };
        var size = spec.Height / 2;
        if (spec.Height == 32)
        {
            layers.AddRange(DownBlock(width, width * 2, size /= 2, norm, rng));     // 8x8
            layers.AddRange(DownBlock(width * 2, width * 4, size /= 2, norm, rng)); // 4x4
            layers.Add(new Conv2d(width * 4, 1, 4, rng));
        }
        else
        {
            layers.AddRange(DownBlock(width, width * 2, size /= 2, norm, rng));     // 7x7
            layers.Add(new Conv2d(width * 2, 1, 7, rng));
        }
        layers.Add(new Flatten());
        var d = new Sequential(layers);
        Init.DcganInit(d, rng);
        return d;
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

    private static void CheckSize(ImageSpec spec)
    {
        if (spec.Height != spec.Width || spec.Height is not (28 or 32))
            throw new ArgumentException($"the convolutional GANs are built for 28x28 or 32x32 images, got {spec.Height}x{spec.Width}");
    }

    /// <summary>[N, F] → [N, F, 1, 1], the input of the first transposed convolution.</summary>
    private sealed class Unflatten(int features) : Module<Tensor, Tensor>
    {
        public override Tensor Forward(Tensor input) => input.Reshape(-1, features, 1, 1);
    }
}
