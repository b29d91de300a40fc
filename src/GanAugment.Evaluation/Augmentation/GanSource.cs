using GanAugment.Data.Writers;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Augmentation;

/// <summary>Images from a trained conditional GAN (bagan, acgan, cgan, conditional wgan/wgan-gp), sampled in chunks.</summary>
public sealed class GanSource : ISyntheticSource
{
    private const int Chunk = 256;
    private readonly GanModel _model;

    public GanSource(GanModel model, string description)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.TakesLabels)
            throw new ArgumentException($"model '{model.Name}' is unconditional: it cannot make images of a chosen class (train bagan, acgan, cgan, or wgan/wgan-gp with conditional=true)");
        _model = model;
        Description = description;
    }

    public string Description { get; }

    public byte[] Generate(int label, int count, Rng rng)
    {
        var size = _model.Spec.Size;
        var bytes = new byte[count * size];
        for (var start = 0; start < count; start += Chunk)
        {
            var n = Math.Min(Chunk, count - start);
            var images = _model.Sample(n, Enumerable.Repeat(label, n).ToArray(), rng);
            PixelConvert.ToBytes(images.AsSpan(), _model.Range, bytes.AsSpan(start * size, images.Numel));
        }
        return bytes;
    }
}
