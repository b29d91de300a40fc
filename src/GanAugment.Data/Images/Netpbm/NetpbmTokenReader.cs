namespace GanAugment.Data.Images.Netpbm;

/// <summary>
/// Reads the ASCII decimal numbers of a Netpbm header (and of a plain raster), skipping white
/// space and '#' comments that run to the end of the line.
/// </summary>
internal ref struct NetpbmTokenReader(ReadOnlySpan<byte> file, string name, int position)
{
    private readonly ReadOnlySpan<byte> _file = file;

    /// <summary>Byte offset of the next unread byte.</summary>
    public int Position { get; private set; } = position;

    /// <summary>Byte offset of the first digit of the number read last.</summary>
    public int LastStart { get; private set; }

    /// <summary>Reads one header number; it must be followed by white space or a comment.</summary>
    public int ReadInt(string what)
    {
        SkipSpaceAndComments();
        var start = LastStart = Position;
        long value = 0;
        while (Position < _file.Length && char.IsAsciiDigit((char)_file[Position]))
        {
            value = value * 10 + (_file[Position] - '0');
            if (value > int.MaxValue) throw DataFormatException.At(name, $"{what} is too large", offset: start);
            Position++;
        }
        if (Position == start)
            throw Position >= _file.Length
                ? DataFormatException.At(name, $"file is truncated: expected {what}", offset: Position)
                : DataFormatException.At(name, $"expected {what} (a decimal number), found byte 0x{_file[Position]:X2}", offset: Position);
        if (Position < _file.Length && !IsSpace(_file[Position]) && _file[Position] != (byte)'#')
            throw DataFormatException.At(name, $"{what} is followed by byte 0x{_file[Position]:X2}, not white space", offset: Position);
        return (int)value;
    }

    /// <summary>Reads one plain-format sample and checks it against <paramref name="maxval"/>.</summary>
    public int ReadSample(int maxval)
    {
        var value = ReadInt("sample");
        if (value > maxval) throw DataFormatException.At(name, $"sample {value} exceeds maxval {maxval}", offset: LastStart);
        return value;
    }

    /// <summary>Skips the single white-space byte after maxval and returns the raw raster that follows.</summary>
    public ReadOnlySpan<byte> StartBinary()
    {
        if (Position >= _file.Length || !IsSpace(_file[Position]))
            throw DataFormatException.At(name, "maxval is not followed by a single white-space byte", offset: Position);
        return _file[(Position + 1)..];
    }

    private void SkipSpaceAndComments()
    {
        while (Position < _file.Length)
        {
            var b = _file[Position];
            if (IsSpace(b)) Position++;
            else if (b == (byte)'#')
                while (Position < _file.Length && _file[Position] is not ((byte)'\n' or (byte)'\r')) Position++;
            else return;
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
}
