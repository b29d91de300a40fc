using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// A lookup table of <see cref="NumEmbeddings"/> rows of size <see cref="EmbeddingDim"/>,
/// initialised N(0, 1) as PyTorch; conditional GANs embed class labels with it. The gradient of
/// a row adds up over repeated indices.
/// </summary>
public sealed class Embedding : Module<int[], Tensor>
{
    public Embedding(int numEmbeddings, int embeddingDim, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (numEmbeddings < 1 || embeddingDim < 1)
            throw new ArgumentOutOfRangeException(nameof(numEmbeddings), $"embedding table must be at least 1x1, got {numEmbeddings}x{embeddingDim}");
        Weight = new Parameter(Tensor.Randn(rng, [numEmbeddings, embeddingDim]));
    }

    public int NumEmbeddings => Weight.Size(0);

    public int EmbeddingDim => Weight.Size(1);

    /// <summary>The table [numEmbeddings, embeddingDim].</summary>
    public Parameter Weight { get; }

    /// <summary>The rows for <paramref name="input"/> indices: [input.Length, embeddingDim].</summary>
    public override Tensor Forward(int[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var i = 0; i < input.Length; i++)
            if (input[i] < 0 || input[i] >= NumEmbeddings)
                throw new ArgumentOutOfRangeException(nameof(input), $"embedding index {input[i]} at position {i} is out of range for a table of {NumEmbeddings} rows");
        return Weight.IndexSelect(0, input);
    }
}
