using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// AC-GAN generator: (noise, label) → image in [-1, 1]. Both inputs become S×S maps with S = H/4
/// (7 for the seed's 28x28), which two stride-2 transposed convolutions bring to H×W.
/// </summary>
internal sealed class AcGanGenerator : Module<Tensor, int[], Tensor>
{
    private readonly Embedding _labelEmbedding;
    private readonly Linear _labelMap;
    private readonly Linear _noiseMap;
    private readonly Sequential _upsample;
    private readonly int _start;

    public AcGanGenerator(ImageSpec spec, AcGanOptions o, Rng rng)
    {
        _start = AcGanShapes.StartResolution(spec);
        _labelEmbedding = new Embedding(spec.ClassCount, o.LabelEmbedding, rng);
        Init.Uniform_(_labelEmbedding.Weight, rng, -0.05f, 0.05f); // Keras' embedding initialiser
        _labelMap = new Linear(o.LabelEmbedding, _start * _start, rng);
        _noiseMap = new Linear(o.LatentDim, 384 * _start * _start, rng);
        _upsample = new Sequential(
            new ConvTranspose2d(385, 192, 5, rng, stride: 2, padding: 2, outputPadding: 1),
            new BatchNorm2d(192, eps: 1e-3f, momentum: 0.01f), new ReLU(),
            new ConvTranspose2d(192, spec.Channels, 5, rng, stride: 2, padding: 2, outputPadding: 1),
            new Tanh());
        KerasInit.NormalKernels(this, rng, o.InitStd, except: _labelEmbedding);
    }

    public override Tensor Forward(Tensor z, int[] labels)
    {
        var n = z.Size(0);
        var labelMap = _labelMap.Call(_labelEmbedding.Call(labels)).Reshape(n, 1, _start, _start);
        var noiseMap = _noiseMap.Call(z).Relu().Reshape(n, 384, _start, _start);
        return _upsample.Call(Tensor.Concat([noiseMap, labelMap], 1));
    }

    /// <summary>The forward in ONNX, from noise [N, latent] and int64 labels [N].</summary>
    public string ExportOnnx(OnnxModuleExporter e, string noise, string label)
    {
        var g = e.Graph;
        var labelMap = g.Node("Reshape", [e.Apply(_labelMap, e.Embed(_labelEmbedding, label)), g.Int64s("label_map_shape", -1, 1, _start, _start)]);
        var noiseMap = g.Node("Reshape", [g.Node("Relu", [e.Apply(_noiseMap, noise)]), g.Int64s("noise_map_shape", -1, 384, _start, _start)]);
        return e.Apply(_upsample, g.Node("Concat", [noiseMap, labelMap], OnnxAttribute.Int("axis", 1)));
    }
}

/// <summary>AC-GAN discriminator: image → (source logit [N, 1], class logits [N, C]); two stride-2 convolutions leave H/4×W/4 maps.</summary>
internal sealed class AcGanDiscriminator : Module<Tensor, (Tensor Source, Tensor Class)>
{
    private readonly Sequential _features;
    private readonly Linear _source;
    private readonly Linear _class;

    public AcGanDiscriminator(ImageSpec spec, AcGanOptions o, Rng rng, Rng dropoutRng)
    {
        var s = o.LeakySlope;
        _features = new Sequential(
            new Conv2d(spec.Channels, 32, 3, rng, stride: 2, padding: 1), new LeakyReLU(s), new Dropout(dropoutRng, o.Dropout),
            new Conv2d(32, 64, 3, rng, stride: 1, padding: 1), new BatchNorm2d(64, eps: 1e-3f, momentum: 0.01f), new LeakyReLU(s), new Dropout(dropoutRng, o.Dropout),
            new Conv2d(64, 128, 3, rng, stride: 2, padding: 1), new BatchNorm2d(128, eps: 1e-3f, momentum: 0.01f), new LeakyReLU(s), new Dropout(dropoutRng, o.Dropout),
            new Conv2d(128, 256, 3, rng, stride: 1, padding: 1), new BatchNorm2d(256, eps: 1e-3f, momentum: 0.01f), new LeakyReLU(s), new Dropout(dropoutRng, o.Dropout),
            new Flatten());
        KerasInit.NormalKernels(_features, rng, o.InitStd, except: null);
        var side = AcGanShapes.StartResolution(spec);
        var features = 256 * side * side;
        _source = new Linear(features, 1, rng);
        _class = new Linear(features, spec.ClassCount, rng);
        KerasInit.GlorotHead(_source, rng);
        KerasInit.GlorotHead(_class, rng);
    }

    public override (Tensor Source, Tensor Class) Forward(Tensor image)
    {
        var f = _features.Call(image);
        return (_source.Call(f), _class.Call(f));
    }
}

/// <summary>The map sizes of AC-GAN's networks, derived from the image side.</summary>
internal static class AcGanShapes
{
    /// <summary>Side of G's first maps and of D's last: H/4 (28 → 7, 32 → 8, 64 → 16).</summary>
    public static int StartResolution(ImageSpec spec)
    {
        Check(spec);
        return spec.Height / 4;
    }

    /// <summary>Throws unless the images are square with a side that two stride-2 layers divide exactly.</summary>
    public static void Check(ImageSpec spec)
    {
        if (spec.Height != spec.Width || spec.Height % 4 != 0 || spec.Height < 4)
            throw new ArgumentException($"acgan needs square images whose side is a multiple of 4 (28, 32, 64, ...), got {spec.Height}x{spec.Width}");
    }
}
