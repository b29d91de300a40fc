namespace GanAugment.Tensors.Kernels;

/// <summary>A compile-time row count for <see cref="Kernel512xRx32{TR}"/> (1 to <see cref="RowKernels.MaxRows"/>).</summary>
internal interface IRowCount
{
    /// <summary>Rows of the tile.</summary>
    static abstract int Rows { get; }
}

/// <summary>Work that runs with a row count chosen at run time (see <see cref="RowKernels.Dispatch"/>).</summary>
internal interface IRowsJob
{
    /// <summary>Runs the work with <see cref="Kernel512xRx32{TR}"/> of <typeparamref name="TR"/> rows.</summary>
    void Run<TR>()
        where TR : struct, IRowCount;
}

/// <summary>Picks the row count of <see cref="Kernel512xRx32{TR}"/> for a matrix and runs a job with that kernel.</summary>
internal static class RowKernels
{
    /// <summary>Most rows of one tile (24 accumulators, as the 12x32 kernel).</summary>
    public const int MaxRows = 12;

    /// <summary>Fewest rows a tile gets when M needs several tiles (fewer rows load B more often per FMA).</summary>
    public const int MinRows = 6;

    /// <summary>
    /// Rows per tile for <paramref name="m"/> rows of C: all of them up to <see cref="MaxRows"/>, else the
    /// count in [<see cref="MinRows"/>, <see cref="MaxRows"/>] that pads M least (the larger on a tie):
    /// 25 → 9 (27 rows, where 12-row tiles compute 36), 32 → 8, 192 → 12.
    /// </summary>
    public static int Rows(int m)
    {
        if (m <= MaxRows)
        {
            return Math.Max(1, m);
        }

        int best = MaxRows;
        for (int r = MaxRows - 1; r >= MinRows; r--)
        {
            if (Padded(m, r) < Padded(m, best))
            {
                best = r;
            }
        }

        return best;
    }

    /// <summary>Rows computed when <paramref name="m"/> rows go in tiles of <paramref name="rows"/>.</summary>
    public static int Padded(int m, int rows) => (m + rows - 1) / rows * rows;

    /// <summary>Runs <paramref name="job"/> with the <paramref name="rows"/>-row count.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is outside 1..<see cref="MaxRows"/>.</exception>
    public static void Dispatch<TJob>(int rows, ref TJob job)
        where TJob : struct, IRowsJob
    {
        switch (rows)
        {
            case 1:
                job.Run<Rows1>();
                break;
            case 2:
                job.Run<Rows2>();
                break;
            case 3:
                job.Run<Rows3>();
                break;
            case 4:
                job.Run<Rows4>();
                break;
            case 5:
                job.Run<Rows5>();
                break;
            case 6:
                job.Run<Rows6>();
                break;
            case 7:
                job.Run<Rows7>();
                break;
            case 8:
                job.Run<Rows8>();
                break;
            case 9:
                job.Run<Rows9>();
                break;
            case 10:
                job.Run<Rows10>();
                break;
            case 11:
                job.Run<Rows11>();
                break;
            case 12:
                job.Run<Rows12>();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rows), rows, $"RowKernels.Dispatch: rows must be 1..{MaxRows}.");
        }
    }
}

/// <summary>1 row.</summary>
internal readonly struct Rows1 : IRowCount
{
    public static int Rows => 1;
}

/// <summary>2 rows.</summary>
internal readonly struct Rows2 : IRowCount
{
    public static int Rows => 2;
}

/// <summary>3 rows.</summary>
internal readonly struct Rows3 : IRowCount
{
    public static int Rows => 3;
}

/// <summary>4 rows.</summary>
internal readonly struct Rows4 : IRowCount
{
    public static int Rows => 4;
}

/// <summary>5 rows.</summary>
internal readonly struct Rows5 : IRowCount
{
    public static int Rows => 5;
}

/// <summary>6 rows.</summary>
internal readonly struct Rows6 : IRowCount
{
    public static int Rows => 6;
}

/// <summary>7 rows.</summary>
internal readonly struct Rows7 : IRowCount
{
    public static int Rows => 7;
}

/// <summary>8 rows.</summary>
internal readonly struct Rows8 : IRowCount
{
    public static int Rows => 8;
}

/// <summary>9 rows.</summary>
internal readonly struct Rows9 : IRowCount
{
    public static int Rows => 9;
}

/// <summary>10 rows.</summary>
internal readonly struct Rows10 : IRowCount
{
    public static int Rows => 10;
}

/// <summary>11 rows.</summary>
internal readonly struct Rows11 : IRowCount
{
    public static int Rows => 11;
}

/// <summary>12 rows.</summary>
internal readonly struct Rows12 : IRowCount
{
    public static int Rows => 12;
}
