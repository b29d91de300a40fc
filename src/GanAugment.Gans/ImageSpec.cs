namespace GanAugment.Gans;

/// <summary>The images a GAN is built for: shape and classes (ClassCount 0 would mean unlabelled).</summary>
public sealed record ImageSpec(int Channels, int Height, int Width, IReadOnlyList<string> ClassNames)
{
    public int ClassCount => ClassNames.Count;

    public int Size => Channels * Height * Width;
}
