namespace GanAugment.Data.Idx;

/// <summary>
/// The content of one unsigned-byte IDX file: its dimensions (outermost first, as stored) and
/// its data in row-major order, so <c>Data.Length</c> is the product of the dimensions.
/// </summary>
public sealed record IdxArray(int[] Dimensions, byte[] Data);
