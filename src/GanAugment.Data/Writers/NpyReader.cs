using System.Buffers.Binary;
using System.Text;

namespace GanAugment.Data.Writers;

/// <summary>
/// Reads NPY files of format version 1.0, 2.0 or 3.0 holding u1, i4, i8, f4 or f8 elements in
/// either byte order, C order (Fortran-order files are refused). The element count the shape
/// implies must match the bytes after the header exactly.
/// </summary>
public static class NpyReader
{
    /// <exception cref="DataFormatException">A malformed file, naming it and the byte offset.</exception>
    public static NpyArray Read(string path)
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataFormatException.At(path, $"cannot read the file ({e.Message})");
        }
        return Decode(file, path);
    }

    /// <summary>Decodes an in-memory NPY file; <paramref name="name"/> is used in error messages.</summary>
    public static NpyArray Decode(ReadOnlySpan<byte> file, string name)
    {
        if (file.Length < 10 || !file[..6].SequenceEqual(NpyFormat.Magic))
            throw DataFormatException.At(name, "not an NPY file (bad magic)", offset: 0);
        var major = file[6];
        if (major is not (1 or 2 or 3) || file[7] != 0)
            throw DataFormatException.At(name, $"unsupported NPY version {major}.{file[7]}", offset: 6);
        var prefix = major == 1 ? 10 : 12;
        if (file.Length < prefix) throw DataFormatException.At(name, "file is truncated in the header length", offset: file.Length);
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(file[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(file[8..]);
        if (headerLength > file.Length - prefix)
            throw DataFormatException.At(name, $"header of {headerLength} bytes runs past the end of the file", offset: 8);
        var headerBytes = file.Slice(prefix, (int)headerLength);
        var text = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        var header = NpyHeaderParser.Parse(text, name, prefix);

        if (!NpyDTypes.TryParse(header.Descr, out var dtype, out var bigEndian))
            throw DataFormatException.At(name, $"unsupported dtype '{header.Descr}' (u1, i4, i8, f4, f8 are read)", offset: prefix);
        if (header.FortranOrder)
            throw DataFormatException.At(name, "Fortran-order arrays are not supported (save with C order)", offset: prefix);
        var count = 1L;
        foreach (var d in header.Shape)
        {
            count *= d;
            if (count > int.MaxValue) throw DataFormatException.At(name, $"shape ({string.Join(", ", header.Shape)}) is too large", offset: prefix);
        }
        var dataStart = prefix + (int)headerLength;
        var dataBytes = file.Length - dataStart;
        if (count * dtype.ItemSize() != dataBytes)
            throw DataFormatException.At(name,
                $"shape ({string.Join(", ", header.Shape)}) of {header.Descr} needs {count * dtype.ItemSize()} data bytes, the file has {dataBytes}",
                offset: dataStart);
        var data = NpyFormat.Elements(file[dataStart..], dtype, bigEndian);
        return new NpyArray(dtype, [.. header.Shape], data);
    }
}
