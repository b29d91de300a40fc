using GanAugment.Tensors;

namespace GanAugment.Evaluation.Augmentation;

/// <summary>Something that makes new images of a class: a conditional generator, or an oversampling baseline.</summary>
public interface ISyntheticSource
{
    /// <summary>What made the images, for manifests ("bagan run runs/x, checkpoint last.safetensors", "smote k=5").</summary>
    string Description { get; }

    /// <summary><paramref name="count"/> images of class <paramref name="label"/> as bytes 0..255 in N·C·H·W order.</summary>
    byte[] Generate(int label, int count, Rng rng);
}
