namespace GanAugment.Data.Catalogue;

/// <summary>The shape of one image of a catalogue data set, channels × height × width.</summary>
public sealed record DatasetShape(int Channels, int Height, int Width)
{
    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
