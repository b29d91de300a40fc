namespace GanAugment.Data.Images.Png;

/// <summary>
/// The five PNG scanline filters (specification section 9): None, Sub, Up, Average, Paeth.
/// <c>stride</c> is the byte distance to the corresponding byte of the pixel on the left
/// (<see cref="PngHeader.FilterStride"/>); bytes left of the row and the row above the first
/// row count as 0.
/// </summary>
public static class PngFilter
{
    public const int Count = 5;

    /// <summary>Undoes filter <paramref name="type"/> in place on <paramref name="row"/>, given the already reconstructed <paramref name="previous"/> row.</summary>
    public static void Unfilter(int type, ReadOnlySpan<byte> previous, Span<byte> row, int stride)
    {
        if (previous.Length != row.Length) throw new ArgumentException("previous and current rows differ in length");
        if ((uint)type >= Count) throw new ArgumentOutOfRangeException(nameof(type), type, "PNG filter types are 0..4");
        var n = row.Length;
        switch (type)
        {
            case 1:
                for (var i = stride; i < n; i++) row[i] += row[i - stride];
                break;
            case 2:
                for (var i = 0; i < n; i++) row[i] += previous[i];
                break;
            case 3:
                for (var i = 0; i < n; i++)
                    row[i] += (byte)(((i >= stride ? row[i - stride] : 0) + previous[i]) >> 1);
                break;
            case 4:
                for (var i = 0; i < n; i++)
                {
                    var a = i >= stride ? row[i - stride] : 0;
                    var c = i >= stride ? previous[i - stride] : 0;
                    row[i] += Paeth(a, previous[i], c);
                }
                break;
        }
    }

    /// <summary>Writes filter <paramref name="type"/> of <paramref name="row"/> (with <paramref name="previous"/> above it) to <paramref name="destination"/>.</summary>
    public static void Filter(int type, ReadOnlySpan<byte> previous, ReadOnlySpan<byte> row, int stride, Span<byte> destination)
    {
        if (previous.Length != row.Length || destination.Length != row.Length)
            throw new ArgumentException("previous, current and destination rows differ in length");
        if ((uint)type >= Count) throw new ArgumentOutOfRangeException(nameof(type), type, "PNG filter types are 0..4");
        for (var i = 0; i < row.Length; i++)
        {
            var a = i >= stride ? row[i - stride] : 0;
            var b = previous[i];
            var c = i >= stride ? previous[i - stride] : 0;
            var predictor = type switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                _ => Paeth(a, b, c),
            };
            destination[i] = (byte)(row[i] - predictor);
        }
    }

    /// <summary>The Paeth predictor: whichever of left, up, up-left is closest to left + up - up-left (ties in that order).</summary>
    public static byte Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return (byte)a;
        return pb <= pc ? (byte)b : (byte)c;
    }
}
