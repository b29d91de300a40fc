using GanAugment.NN;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>AC-GAN generator: (noise, label) → image in [-1, 1].</summary>
internal sealed class AcGanGenerator : Module<Tensor, int[], Tensor>
{
    private readonly Embedding _labelEmbedding;
    private readonly Linear _labelMap;
    private readonly Linear _noiseMap;
    private readonly Sequential _upsample;

    public AcGanGenerator(ImageSpec spec, AcGanOptions o, Rng rng)
    {
        _labelEmbedding = new Embedding(spec.ClassCount, o.LabelEmbedding, rng);
        Init.Uniform_(_labelEmbedding.Weight, rng, -0.05f, 0.05f); // Keras' embedding initialiser
        _labelMap = new Linear(o.LabelEmbedding, 7 * 7, rng);
        _noiseMap = new Linear(o.LatentDim, 384 * 7 * 7, rng);
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
        var labelMap = _labelMap.Call(_labelEmbedding.Call(labels)).Reshape(n, 1, 7, 7);
        var noiseMap = _noiseMap.Call(z).Relu().Reshape(n, 384, 7, 7);
        return _upsample.Call(Tensor.Concat([noiseMap, labelMap], 1));
    }
}

/// <summary>AC-GAN discriminator: image → (source logit [N, 1], class logits [N, C]).</summary>
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
        _source = new Linear(256 * 7 * 7, 1, rng);
        _class = new Linear(256 * 7 * 7, spec.ClassCount, rng);
        KerasInit.GlorotHead(_source, rng);
        KerasInit.GlorotHead(_class, rng);
    }

    public override (Tensor Source, Tensor Class) Forward(Tensor image)
    {
        var f = _features.Call(image);
        return (_source.Call(f), _class.Call(f));
    }
}
