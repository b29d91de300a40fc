using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// BAGAN's decoder, which becomes the generator: latent → dense (DenseWidth, ReLU) → dense
/// (Width·r₀², ReLU) → Width×r₀×r₀ maps, then per doubling: 2× nearest upsampling and a 5×5
/// "same" convolution with ReLU (2·Width channels while the maps are below half the resolution,
/// Width after), and a 2×2 "same" convolution to the image channels with tanh. No biases; dense
/// kernels Glorot-uniform and convolution kernels Glorot-normal, as the Keras reference.
/// </summary>
internal sealed class BaganGenerator : Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Linear _dense;
    private readonly Linear _project;
    private readonly Sequential _upsample;
    private readonly int _width;
    private readonly int _start;

    public BaganGenerator(ImageSpec spec, BaganOptions o, Rng rng)
    {
        _width = o.Width;
        _start = BaganShapes.StartResolution(spec.Height);
        _dense = new Linear(o.LatentDim, o.DenseWidth, rng, bias: false);
        _project = new Linear(o.DenseWidth, o.Width * _start * _start, rng, bias: false);
        var layers = new List<Module<Tensor, Tensor>>();
        var channels = o.Width;
        for (var res = _start; res != spec.Height; res *= 2)
        {
            var next = res < spec.Height / 2 ? 2 * o.Width : o.Width;
            layers.Add(new Upsample(2));
            layers.Add(new Conv2d(channels, next, o.KernelSize, rng, padding: Padding.Same, bias: false));
            layers.Add(new ReLU());
            channels = next;
        }
        layers.Add(new Conv2d(channels, spec.Channels, 2, rng, padding: Padding.Same, bias: false));
        layers.Add(new Tanh());
        _upsample = new Sequential(layers);
        Init.XavierUniform_(_dense.Weight, rng);
        Init.XavierUniform_(_project.Weight, rng);
        foreach (var (_, m) in _upsample.NamedModules())
            if (m is Conv2d conv) Init.XavierNormal_(conv.Weight, rng);
    }

    public override Tensor Forward(Tensor latent)
    {
        var h = _project.Call(_dense.Call(latent).Relu()).Relu();
        return _upsample.Call(h.Reshape(-1, _width, _start, _start));
    }

    public string ExportOnnx(OnnxModuleExporter exporter, string input)
    {
        var g = exporter.Graph;
        var h = g.Node("Relu", [exporter.Apply(_project, g.Node("Relu", [exporter.Apply(_dense, input)]))]);
        return exporter.Apply(_upsample, g.Node("Reshape", [h, g.Int64s("maps_shape", -1, _width, _start, _start)]));
    }
}

/// <summary>
/// The convolutional trunk that BAGAN's encoder and discriminator share (and that the
/// discriminator copies from the trained encoder): 3×3 convolutions with EncoderWidth·(1, 2, 4, 8)
/// channels and strides (2, 1, 2, 1), then (2, 1)-strided pairs of 8·EncoderWidth until the maps
/// are no larger than the generator's starting resolution, each followed by LeakyReLU and
/// Dropout; flattened. Keras' default Glorot-uniform kernels and zero biases.
/// </summary>
internal sealed class BaganTrunk : Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    public BaganTrunk(ImageSpec spec, BaganOptions o, Rng rng, Rng dropoutRng)
    {
        var w = o.EncoderWidth;
        var plan = new List<(int Out, int Stride)> { (w, 2), (2 * w, 1), (4 * w, 2), (8 * w, 1) };
        var res = BaganShapes.Strided(BaganShapes.Strided(spec.Height));
        for (; res > BaganShapes.StartResolution(spec.Height); res = BaganShapes.Strided(res))
            plan.AddRange([(8 * w, 2), (8 * w, 1)]);
        Resolution = res;
        Features = 8 * w * res * res;
        var layers = new List<Module<Tensor, Tensor>>();
        var channels = spec.Channels;
        foreach (var (outChannels, stride) in plan)
        {
            var conv = new Conv2d(channels, outChannels, 3, rng, stride: stride, padding: 1);
            Init.XavierUniform_(conv.Weight, rng);
            Init.Zeros_(conv.Bias!);
            layers.AddRange([conv, new LeakyReLU(o.LeakySlope), new Dropout(dropoutRng, o.Dropout)]);
            channels = outChannels;
        }
        layers.Add(new Flatten());
        _layers = new Sequential(layers);
    }

    /// <summary>Side of the last feature maps.</summary>
    public int Resolution { get; }

    /// <summary>Length of the flattened features.</summary>
    public int Features { get; }

    public override Tensor Forward(Tensor image) => _layers.Call(image);
}

/// <summary>A trunk and a dense head: the encoder (head = latent code) or the discriminator (head = C + 1 logits).</summary>
internal sealed class BaganHeaded : Module<Tensor, Tensor>
{
    public BaganHeaded(ImageSpec spec, BaganOptions o, int outputs, Rng rng, Rng dropoutRng)
    {
        Trunk = new BaganTrunk(spec, o, rng, dropoutRng);
        Head = new Linear(Trunk.Features, outputs, rng);
        Init.XavierUniform_(Head.Weight, rng);
        Init.Zeros_(Head.Bias!);
    }

    public BaganTrunk Trunk { get; }

    public Linear Head { get; }

    public override Tensor Forward(Tensor image) => Head.Call(Trunk.Call(image));
}

/// <summary>Resolutions of BAGAN's networks, as <c>bagan_train.py</c> derives them from the image side.</summary>
internal static class BaganShapes
{
    /// <summary>The generator's first resolution: the side halved while above 8 (28 → 7, 32 → 8, 64 → 8).</summary>
    public static int StartResolution(int side)
    {
        var res = side;
        while (res > 8) res /= 2;
        return res;
    }

    /// <summary>Output side of a 3×3 convolution with stride 2 and padding 1.</summary>
    public static int Strided(int side) => (side - 1) / 2 + 1;

    /// <summary>Throws unless the images are square and their side (at least 8) is the start resolution times a power of 2.</summary>
    public static void Check(ImageSpec spec)
    {
        var res = StartResolution(spec.Height);
        while (res < spec.Height) res *= 2;
        if (spec.Height != spec.Width || res != spec.Height || spec.Height < 8)
            throw new ArgumentException($"bagan needs square images with a side of at least 8 that is r·2^n with r ≤ 8 (8, 12, 16, 28, 32, 64, ...), got {spec.Height}x{spec.Width}");
    }
}
