namespace GanAugment.Gans;

/// <summary>The images a GAN is built for: shape and classes (ClassCount 0 would mean unlabelled).</summary>
public sealed record ImageSpec(int Channels, int Height, int Width, IReadOnlyList<string> ClassNames)
{
    public int ClassCount => ClassNames.Count;

    public int Size => Channels * Height * Width;
}

/// <summary>The value range of a generator's output, and so of the real images it is trained on.</summary>
public enum PixelRange
{
    /// <summary>[0, 1], a sigmoid output (the MLP GAN seed).</summary>
    ZeroOne,

    /// <summary>[-1, 1], a tanh output (DCGAN conventions).</summary>
    MinusOneOne,
}
