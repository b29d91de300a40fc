using System.Buffers.Binary;
using System.IO.Hashing;

namespace GanAugment.Data.Images.Png;

/// <summary>
/// The parts of a PNG file the decoder needs, read from its chunk sequence: the header, the
/// palette (RGB triples, empty if none), the concatenated IDAT payload and the byte offset of the
/// first IDAT chunk (for error messages about the image data).
/// </summary>
public sealed record PngChunks(PngHeader Header, byte[] Palette, byte[] ImageData, long ImageDataOffset)
{
    /// <summary>The eight bytes every PNG file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Walks the chunks of <paramref name="file"/>, checking the signature, every chunk's length
    /// and CRC-32, the IHDR fields and the chunk order, up to IEND.
    /// </summary>
    /// <exception cref="DataFormatException">Any violation, naming <paramref name="name"/> and the byte offset.</exception>
    public static PngChunks Read(ReadOnlySpan<byte> file, string name)
    {
        if (file.Length < Signature.Length || !file[..Signature.Length].SequenceEqual(Signature))
            throw DataFormatException.At(name, "not a PNG file (bad signature)", offset: 0);

        PngHeader? header = null;
        byte[] palette = [];
        using var idat = new MemoryStream();
        long idatOffset = -1;
        var pos = Signature.Length;
        while (true)
        {
            if (file.Length - pos < 12)
                throw DataFormatException.At(name, "file is truncated: no IEND chunk", offset: pos);
            var length = BinaryPrimitives.ReadUInt32BigEndian(file[pos..]);
            var typeBytes = file.Slice(pos + 4, 4);
            if (!IsChunkType(typeBytes))
                throw DataFormatException.At(name, "bad chunk type (not four ASCII letters)", offset: pos);
            var type = System.Text.Encoding.ASCII.GetString(typeBytes);
            if (length > (uint)(file.Length - pos - 12))
                throw DataFormatException.At(name, $"chunk {type} of {length} bytes runs past the end of the file (truncated?)", offset: pos);
            var data = file.Slice(pos + 8, (int)length);
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(file[(pos + 8 + (int)length)..]);
            if (Crc32.HashToUInt32(file.Slice(pos + 4, 4 + (int)length)) != storedCrc)
                throw DataFormatException.At(name, $"bad CRC in chunk {type}", offset: pos);

            if (header is null && type != "IHDR")
                throw DataFormatException.At(name, $"first chunk is {type}, not IHDR", offset: pos);
            switch (type)
            {
                case "IHDR":
                    if (header is not null) throw DataFormatException.At(name, "second IHDR chunk", offset: pos);
                    header = ReadHeader(data, name, pos);
                    break;
                case "PLTE":
                    if (idatOffset >= 0) throw DataFormatException.At(name, "PLTE chunk after IDAT", offset: pos);
                    if (length % 3 != 0 || length == 0 || length > 256 * 3)
                        throw DataFormatException.At(name, $"PLTE length {length} is not 3 x (1..256)", offset: pos);
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    if (idatOffset < 0) idatOffset = pos;
                    idat.Write(data);
                    break;
                case "IEND":
                    if (idatOffset < 0) throw DataFormatException.At(name, "no IDAT chunk before IEND", offset: pos);
                    if (header!.Value.ColorType == PngColorType.Palette && palette.Length == 0)
                        throw DataFormatException.At(name, "palette image has no PLTE chunk", offset: pos);
                    return new PngChunks(header.Value, palette, idat.ToArray(), idatOffset);
                default:
                    // NOTE: a chunk whose first letter is upper case is "critical": a decoder that
                    // does not know it must not guess (specification section 5.4).
                    if (char.IsUpper(type[0]))
                        throw DataFormatException.At(name, $"unknown critical chunk {type}", offset: pos);
                    break;
            }
            pos += 12 + (int)length;
        }
    }

    private static PngHeader ReadHeader(ReadOnlySpan<byte> data, string name, long offset)
    {
        if (data.Length != 13)
            throw DataFormatException.At(name, $"IHDR has {data.Length} bytes, not 13", offset: offset);
        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        var problem = PngHeader.Validate(width, height, data[8], data[9], data[10], data[11], data[12]);
        if (problem is not null) throw DataFormatException.At(name, $"bad IHDR: {problem}", offset: offset);
        return new PngHeader((int)width, (int)height, data[8], (PngColorType)data[9], data[12] == 1);
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
            if (!char.IsAsciiLetter((char)b)) return false;
        return true;
    }
}
