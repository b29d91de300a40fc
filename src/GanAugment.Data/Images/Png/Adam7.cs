namespace GanAugment.Data.Images.Png;

/// <summary>
/// The seven passes of Adam7 interlacing (PNG specification section 8.2): pass p holds the pixels
/// at columns X0 + k·DX and rows Y0 + j·DY.
/// </summary>
public readonly record struct Adam7(int X0, int Y0, int DX, int DY)
{
    public static IReadOnlyList<Adam7> Passes { get; } =
    [
        new(0, 0, 8, 8), new(4, 0, 8, 8), new(0, 4, 4, 8), new(2, 0, 4, 4),
        new(0, 2, 2, 4), new(1, 0, 2, 2), new(0, 1, 1, 2),
    ];

    /// <summary>The reduced image size of this pass for a full image of width x height (either may be 0).</summary>
    public (int Width, int Height) Size(int width, int height) =>
        (width > X0 ? (width - X0 + DX - 1) / DX : 0, height > Y0 ? (height - Y0 + DY - 1) / DY : 0);
}
