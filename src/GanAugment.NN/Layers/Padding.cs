namespace GanAugment.NN;

/// <summary>
/// Convolution padding: a size per side (an int, or (h, w)), or "same" (output as large as the
/// input at stride 1; PyTorch's rule, the extra row or column of an even kernel goes at the
/// bottom and right) or "valid" (no padding).
/// </summary>
public readonly record struct Padding
{
    private Padding(Size2 size, bool same)
    {
        if (size.H < 0 || size.W < 0) throw new ArgumentOutOfRangeException(nameof(size), $"padding must not be negative, got {size}");
        Size = size;
        IsSame = same;
    }

    /// <summary>Zeros added on each side; meaningless when <see cref="IsSame"/>.</summary>
    public Size2 Size { get; }

    /// <summary>Whether the padding is computed to keep the input size ("same").</summary>
    public bool IsSame { get; }

    /// <summary>Padding that keeps the input size at stride 1.</summary>
    public static Padding Same => new(0, same: true);

    public static implicit operator Padding(int size) => new(size, same: false);

    public static implicit operator Padding((int H, int W) size) => new(size, same: false);

    /// <summary>"same" or "valid" (case-insensitive).</summary>
    public static implicit operator Padding(string mode) => mode?.ToLowerInvariant() switch
    {
        "same" => Same,
        "valid" => new(0, same: false),
        _ => throw new ArgumentException($"padding must be a size, \"same\" or \"valid\", got \"{mode}\""),
    };

    public override string ToString() => IsSame ? "same" : Size.ToString();
}
