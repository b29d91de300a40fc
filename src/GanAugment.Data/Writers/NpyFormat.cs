using System.Runtime.InteropServices;
using System.Text;

namespace GanAugment.Data.Writers;

/// <summary>
/// The layout of an NPY file (numpy's NEP 1, numpy.lib.format): the magic "\x93NUMPY", version
/// bytes (1, 0), a little-endian uint16 header length, then the header — a Python dict literal
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c> padded with spaces and
/// ended by '\n' so that the data starts at a multiple of 64 bytes — then the elements in C order.
/// Version 2.0 and 3.0 files use a uint32 length (3.0: UTF-8 header).
/// </summary>
public static class NpyFormat
{
    public const int Alignment = 64;

    /// <summary>numpy leaves room to grow the first dimension to 21 digits in place (numpy.lib.format.GROWTH_AXIS_MAX_DIGITS).</summary>
    private const int GrowthAxisMaxDigits = 21;

    public static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The magic, version, length and padded header that numpy 1.24's np.save writes for this type and shape.</summary>
    public static byte[] Header(NpyDType dtype, IReadOnlyList<int> shape)
    {
        var dims = shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var dict = $"{{'descr': '{dtype.Descr()}', 'fortran_order': False, 'shape': {dims}, }}";
        if (shape.Count > 0) dict += new string(' ', GrowthAxisMaxDigits - shape[0].ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        // Version 2.0 (uint32 length) only when the header does not fit a uint16, as numpy does.
        var version = 1;
        var (prefix, padding, headerLength) = Layout(dict.Length, 10);
        if (headerLength > ushort.MaxValue)
        {
            version = 2;
            (prefix, padding, headerLength) = Layout(dict.Length, 12);
        }
        var bytes = new byte[prefix + headerLength];
        Magic.CopyTo(bytes);
        bytes[6] = (byte)version;
        bytes[7] = 0;
        if (version == 1) BitConverter.TryWriteBytes(bytes.AsSpan(8), (ushort)headerLength);
        else BitConverter.TryWriteBytes(bytes.AsSpan(8), (uint)headerLength);
        if (!BitConverter.IsLittleEndian) bytes.AsSpan(8, prefix - 8).Reverse();
        Encoding.ASCII.GetBytes(dict).CopyTo(bytes, prefix);
        bytes.AsSpan(prefix + dict.Length, padding).Fill((byte)' ');
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    // NOTE: numpy pads with 64 spaces (not 0) when the header is already aligned; copied so the bytes match np.save.
    private static (int Prefix, int Padding, int HeaderLength) Layout(int dictLength, int prefix)
    {
        var padding = Alignment - (prefix + dictLength + 1) % Alignment;
        return (prefix, padding, dictLength + padding + 1);
    }

    /// <summary>The elements of <paramref name="data"/> as bytes in the given byte order.</summary>
    public static byte[] ElementBytes(Array data, NpyDType dtype, bool bigEndian)
    {
        var bytes = data switch
        {
            byte[] b => (byte[])b.Clone(),
            int[] i => MemoryMarshal.AsBytes(i.AsSpan()).ToArray(),
            long[] l => MemoryMarshal.AsBytes(l.AsSpan()).ToArray(),
            float[] f => MemoryMarshal.AsBytes(f.AsSpan()).ToArray(),
            double[] d => MemoryMarshal.AsBytes(d.AsSpan()).ToArray(),
            _ => throw new ArgumentException($"unsupported data type {data.GetType().Name}"),
        };
        if (bigEndian == BitConverter.IsLittleEndian) SwapItems(bytes, dtype.ItemSize());
        return bytes;
    }

    /// <summary>The elements stored in <paramref name="bytes"/> (in the given byte order) as a new array of the type's .NET element type.</summary>
    public static Array Elements(ReadOnlySpan<byte> bytes, NpyDType dtype, bool bigEndian)
    {
        var copy = bytes.ToArray();
        if (bigEndian == BitConverter.IsLittleEndian) SwapItems(copy, dtype.ItemSize());
        return dtype switch
        {
            NpyDType.UInt8 => copy,
            NpyDType.Int32 => MemoryMarshal.Cast<byte, int>(copy).ToArray(),
            NpyDType.Int64 => MemoryMarshal.Cast<byte, long>(copy).ToArray(),
            NpyDType.Float32 => MemoryMarshal.Cast<byte, float>(copy).ToArray(),
            _ => MemoryMarshal.Cast<byte, double>(copy).ToArray(),
        };
    }

    private static void SwapItems(Span<byte> bytes, int size)
    {
        if (size == 1) return;
        for (var i = 0; i + size <= bytes.Length; i += size) bytes.Slice(i, size).Reverse();
    }
}
