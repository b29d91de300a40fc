namespace GanAugment.Data.Idx;

/// <summary>
/// A 3-D unsigned-byte IDX array read as images: <see cref="Count"/> images of
/// <see cref="Height"/> rows by <see cref="Width"/> columns, one byte per pixel, row-major.
/// </summary>
public sealed record IdxImages(byte[] Pixels, int Count, int Height, int Width);
