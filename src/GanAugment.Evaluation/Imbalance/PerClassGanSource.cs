using GanAugment.Data.Writers;
using GanAugment.Evaluation.Augmentation;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>The "GAN" baseline: one unconditional GAN per augmented class, each trained on that class's images only.</summary>
public sealed class PerClassGanSource(IReadOnlyDictionary<int, GanModel> models) : ISyntheticSource
{
    private const int Chunk = 256;

    public string Description => $"{models.Values.First().Name} per class (trained on the class alone)";

    public byte[] Generate(int label, int count, Rng rng)
    {
        if (!models.TryGetValue(label, out var model)) throw new ArgumentException($"no GAN was trained for class {label}");
        var size = model.Spec.Size;
        var bytes = new byte[count * size];
        for (var start = 0; start < count; start += Chunk)
        {
            var n = Math.Min(Chunk, count - start);
            PixelConvert.ToBytes(model.Sample(n, null, rng).AsSpan(), model.Range, bytes.AsSpan(start * size, n * size));
        }
        return bytes;
    }
}
