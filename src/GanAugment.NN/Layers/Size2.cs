namespace GanAugment.NN;

/// <summary>A height and width (kernel size, stride, padding); an int means the same for both.</summary>
public readonly record struct Size2(int H, int W)
{
    public static implicit operator Size2(int size) => new(size, size);

    public static implicit operator Size2((int H, int W) size) => new(size.H, size.W);

    public override string ToString() => H == W ? H.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"({H}, {W})";
}
