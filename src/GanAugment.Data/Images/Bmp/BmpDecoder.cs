using System.Buffers.Binary;
using System.Numerics;

namespace GanAugment.Data.Images.Bmp;

/// <summary>
/// Decodes uncompressed Windows bitmaps (BITMAPINFOHEADER and its V2-V5 extensions): 1, 4 and
/// 8-bit palette images, 24-bit BGR, and 32-bit BGRX or BI_BITFIELDS, stored bottom-up (positive
/// height) or top-down (negative height), rows padded to 4 bytes. Alpha is dropped; a picture
/// whose pixels are all grey comes back with one channel.
/// </summary>
public static class BmpDecoder
{
    private const int FileHeaderSize = 14;
    private const uint BiRgb = 0, BiBitfields = 3;

    /// <summary>True when <paramref name="file"/> starts with "BM".</summary>
    public static bool HasMagic(ReadOnlySpan<byte> file) => file.Length >= 2 && file[0] == (byte)'B' && file[1] == (byte)'M';

    /// <exception cref="DataFormatException">The file is not a supported BMP, naming <paramref name="name"/> and the byte offset.</exception>
    public static RawImage Decode(ReadOnlySpan<byte> file, string name)
    {
        if (!HasMagic(file)) throw DataFormatException.At(name, "not a BMP file (does not start with BM)", offset: 0);
        if (file.Length < FileHeaderSize + 40) throw DataFormatException.At(name, "file is truncated inside the BMP header", offset: file.Length);
        var pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(file[10..]);
        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(file[14..]);
        if (headerSize is not (40 or 52 or 56 or 108 or 124))
            throw DataFormatException.At(name, $"unsupported DIB header size {headerSize} (40, 52, 56, 108 and 124 are read)", offset: 14);
        if (file.Length < FileHeaderSize + headerSize)
            throw DataFormatException.At(name, "file is truncated inside the BMP header", offset: file.Length);
        var width = BinaryPrimitives.ReadInt32LittleEndian(file[18..]);
        var rawHeight = BinaryPrimitives.ReadInt32LittleEndian(file[22..]);
        var bitCount = BinaryPrimitives.ReadUInt16LittleEndian(file[28..]);
        var compression = BinaryPrimitives.ReadUInt32LittleEndian(file[30..]);
        var colorsUsed = BinaryPrimitives.ReadUInt32LittleEndian(file[46..]);
        if (width <= 0 || rawHeight == 0 || rawHeight == int.MinValue)
            throw DataFormatException.At(name, $"bad image size {width}x{rawHeight}", offset: 18);
        var topDown = rawHeight < 0;
        var height = Math.Abs(rawHeight);
        if (bitCount is not (1 or 4 or 8 or 24 or 32))
            throw DataFormatException.At(name, $"unsupported bit count {bitCount} (1, 4, 8, 24 and 32 are read)", offset: 28);
        if (!(compression == BiRgb || (compression == BiBitfields && bitCount == 32)))
            throw DataFormatException.At(name, $"unsupported compression {compression} for {bitCount}-bit pixels (only uncompressed)", offset: 30);

        var tablesStart = FileHeaderSize + (long)headerSize;
        var masks = compression == BiBitfields ? ReadMasks(file, name, headerSize) : null;
        if (compression == BiBitfields && headerSize == 40) tablesStart += 12;
        var palette = bitCount <= 8 ? ReadPalette(file, name, tablesStart, colorsUsed, bitCount) : [];

        var stride = ((long)bitCount * width + 31) / 32 * 4;
        var lastRow = ((long)bitCount * width + 7) / 8;
        if (pixelOffset < tablesStart)
            throw DataFormatException.At(name, $"pixel data offset {pixelOffset} points inside the header", offset: 10);
        if (pixelOffset + stride * (height - 1) + lastRow > file.Length)
            throw DataFormatException.At(name, $"file is truncated: {width}x{height} pixels at {bitCount} bits need {stride * height} bytes from offset {pixelOffset}", offset: file.Length);
        if ((long)width * height * 3 > Array.MaxLength)
            throw DataFormatException.At(name, $"image {width}x{height} is too large", offset: 18);

        var pixels = new byte[(long)width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var fileRow = topDown ? y : height - 1 - y;
            var row = file.Slice((int)(pixelOffset + fileRow * stride), (int)lastRow);
            var output = pixels.AsSpan(y * width * 3, width * 3);
            if (bitCount <= 8) ExpandPaletteRow(row, bitCount, palette, output, name, pixelOffset + fileRow * stride);
            else if (masks is null) ExpandBgrRow(row, bitCount / 8, output);
            else ExpandBitfieldRow(row, masks, output);
        }
        return new RawImage(width, height, 3, pixels).CollapseGrey();
    }

    private static byte[] ReadPalette(ReadOnlySpan<byte> file, string name, long start, uint colorsUsed, int bitCount)
    {
        var maxColors = 1u << bitCount;
        var count = colorsUsed == 0 ? maxColors : colorsUsed;
        if (count > maxColors)
            throw DataFormatException.At(name, $"{colorsUsed} palette colours for {bitCount}-bit pixels", offset: 46);
        if (start + 4 * count > file.Length)
            throw DataFormatException.At(name, "file is truncated inside the palette", offset: file.Length);
        var palette = new byte[count * 3];
        for (var i = 0; i < count; i++)
        {
            var entry = file.Slice((int)(start + 4 * i), 3);
            palette[i * 3] = entry[2];
            palette[i * 3 + 1] = entry[1];
            palette[i * 3 + 2] = entry[0];
        }
        return palette;
    }

    /// <summary>Red, green, blue masks: inside a V2+ header, or the 12 bytes after a 40-byte header.</summary>
    private static uint[] ReadMasks(ReadOnlySpan<byte> file, string name, uint headerSize)
    {
        const int at = FileHeaderSize + 40;
        if (file.Length < at + 12) throw DataFormatException.At(name, "file is truncated inside the colour masks", offset: file.Length);
        var masks = new uint[3];
        for (var c = 0; c < 3; c++)
        {
            masks[c] = BinaryPrimitives.ReadUInt32LittleEndian(file[(at + 4 * c)..]);
            var shifted = masks[c] == 0 ? 0 : masks[c] >> BitOperations.TrailingZeroCount(masks[c]);
            if (shifted == 0 || (shifted & (shifted + 1)) != 0)
                throw DataFormatException.At(name, $"colour mask 0x{masks[c]:X8} is not one run of bits", offset: at + 4 * c);
        }
        return masks;
    }

    private static void ExpandPaletteRow(ReadOnlySpan<byte> row, int bitCount, byte[] palette, Span<byte> output, string name, long rowOffset)
    {
        var width = output.Length / 3;
        for (var x = 0; x < width; x++)
        {
            var bit = x * bitCount;
            var index = (row[bit >> 3] >> (8 - bitCount - (bit & 7))) & ((1 << bitCount) - 1);
            if (index * 3 >= palette.Length)
                throw DataFormatException.At(name, $"palette index {index} is past the {palette.Length / 3} palette colours", offset: rowOffset + (bit >> 3));
            palette.AsSpan(index * 3, 3).CopyTo(output.Slice(x * 3, 3));
        }
    }

    private static void ExpandBgrRow(ReadOnlySpan<byte> row, int bytesPerPixel, Span<byte> output)
    {
        var width = output.Length / 3;
        for (var x = 0; x < width; x++)
        {
            output[x * 3] = row[x * bytesPerPixel + 2];
            output[x * 3 + 1] = row[x * bytesPerPixel + 1];
            output[x * 3 + 2] = row[x * bytesPerPixel];
        }
    }

    private static void ExpandBitfieldRow(ReadOnlySpan<byte> row, uint[] masks, Span<byte> output)
    {
        var width = output.Length / 3;
        for (var x = 0; x < width; x++)
        {
            var value = BinaryPrimitives.ReadUInt32LittleEndian(row[(x * 4)..]);
            for (var c = 0; c < 3; c++)
            {
                var shift = BitOperations.TrailingZeroCount(masks[c]);
                var max = (ulong)(masks[c] >> shift);
                var v = (ulong)((value & masks[c]) >> shift);
                output[x * 3 + c] = (byte)((v * 255 + max / 2) / max);
            }
        }
    }
}
