using GanAugment.Data.Images;
using GanAugment.Evaluation.Augmentation;
using GanAugment.Evaluation.Baselines;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>SMOTE on raw pixels: interpolations between a real image of the class and one of its k nearest neighbours in the class.</summary>
public sealed class SmoteSource(ImageDataset data, int neighbours = Smote.DefaultNeighbours) : ISyntheticSource
{
    public string Description => $"smote (k={neighbours}, pixels)";

    public byte[] Generate(int label, int count, Rng rng)
    {
        var members = ClassMembers.Of(data, label);
        var size = data.ImageSize;
        var samples = new float[members.Length * size];
        for (var r = 0; r < members.Length; r++)
        {
            var image = data.Image(members[r]);
            for (var k = 0; k < size; k++) samples[r * size + k] = image[k];
        }
        var synthetic = Smote.Oversample(samples, members.Length, size, count, rng, neighbours);
        var output = new byte[synthetic.Length];
        for (var i = 0; i < output.Length; i++) output[i] = (byte)Math.Clamp(MathF.Round(synthetic[i]), 0f, 255f);
        return output;
    }
}
