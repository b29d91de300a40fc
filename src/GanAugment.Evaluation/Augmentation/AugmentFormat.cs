namespace GanAugment.Evaluation.Augmentation;

/// <summary>How an augmented data set is written.</summary>
public enum AugmentFormat
{
    /// <summary>
    /// The MNIST layout: <c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c> and, when
    /// there is a test part, <c>t10k-*</c> copied unchanged, so the folder loads like MNIST (grey images).
    /// </summary>
    Idx,

    /// <summary>PNG files in <c>train/&lt;NN_class&gt;/</c> (and <c>test/</c>), named <c>real_*</c> or <c>synthetic_*</c>.</summary>
    ImageFolder,
}
