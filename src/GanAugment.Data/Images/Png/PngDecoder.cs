using System.IO.Compression;

namespace GanAugment.Data.Images.Png;

/// <summary>
/// Decodes PNG files (all colour types, bit depths 1/2/4/8/16, the five filters, Adam7) into a
/// <see cref="RawImage"/>: alpha is dropped, palettes are expanded, 16-bit samples are rounded
/// to 8 bits (v·255/65535) and sub-byte grey is scaled to 0..255; a colour picture whose pixels
/// are all grey comes back with one channel. Ancillary chunks (gamma, tRNS, text) are ignored.
/// </summary>
public static class PngDecoder
{
    // NOTE: deflate cannot expand data by more than 1032:1, so a header that implies more
    // filtered bytes than that is corrupt; checked before anything is allocated.
    private const long MaxDeflateRatio = 1032;

    /// <exception cref="DataFormatException">The file is not a valid PNG, naming <paramref name="name"/> and the byte offset.</exception>
    public static RawImage Decode(ReadOnlySpan<byte> file, string name)
    {
        var chunks = PngChunks.Read(file, name);
        var header = chunks.Header;
        var filtered = Inflate(chunks, name);
        var outputSize = (long)header.Width * header.Height * header.OutputChannels;
        if (outputSize > Array.MaxLength)
            throw DataFormatException.At(name, $"image {header.Width}x{header.Height} is too large", offset: 8);
        var pixels = new byte[outputSize];
        if (!header.Interlaced)
            ReconstructPass(filtered, 0, new Adam7(0, 0, 1, 1), 0, chunks, pixels, name);
        else
        {
            var pos = 0;
            for (var p = 0; p < Adam7.Passes.Count; p++)
                pos = ReconstructPass(filtered, pos, Adam7.Passes[p], p + 1, chunks, pixels, name);
        }
        return new RawImage(header.Width, header.Height, header.OutputChannels, pixels).CollapseGrey();
    }

    private static byte[] Inflate(PngChunks chunks, string name)
    {
        var expected = chunks.Header.FilteredSize();
        var compressed = chunks.ImageData;
        if (expected > compressed.LongLength * MaxDeflateRatio + 64 || expected > Array.MaxLength)
            throw DataFormatException.At(name,
                $"{compressed.Length} bytes of compressed data cannot hold a {chunks.Header.Width}x{chunks.Header.Height} image",
                offset: chunks.ImageDataOffset);
        // NOTE: the output grows with the data actually inflated (not the size the header claims),
        // and the stream is read to its end so that zlib checks the Adler-32 trailer.
        using var output = new MemoryStream();
        var buffer = new byte[1 << 16];
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            int n;
            while ((n = zlib.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
                if (output.Length > expected)
                    throw DataFormatException.At(name,
                        $"image data inflates to more than the {expected} bytes a {chunks.Header.Width}x{chunks.Header.Height} image needs",
                        offset: chunks.ImageDataOffset);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw DataFormatException.At(name, $"image data does not decompress ({e.Message})", offset: chunks.ImageDataOffset);
        }
        if (output.Length < expected)
            throw DataFormatException.At(name,
                $"image data inflates to {output.Length} bytes, a {chunks.Header.Width}x{chunks.Header.Height} image needs {expected} (truncated?)",
                offset: chunks.ImageDataOffset);
        return output.ToArray();
    }

    /// <summary>Unfilters the scanlines of one pass starting at <paramref name="pos"/> and scatters its pixels; returns the position after it.</summary>
    private static int ReconstructPass(byte[] filtered, int pos, Adam7 pass, int passNumber, PngChunks chunks, byte[] pixels, string name)
    {
        var header = chunks.Header;
        var (width, height) = pass.Size(header.Width, header.Height);
        if (width == 0 || height == 0) return pos;
        var rowBytes = (int)header.RowBytes(width);
        var previous = new byte[rowBytes];
        var current = new byte[rowBytes];
        for (var y = 0; y < height; y++)
        {
            var filter = filtered[pos];
            if (filter >= PngFilter.Count)
            {
                var where = passNumber == 0 ? $"row {y}" : $"row {y} of interlace pass {passNumber}";
                throw DataFormatException.At(name, $"{where} has filter type {filter}, not 0..4", offset: chunks.ImageDataOffset);
            }
            filtered.AsSpan(pos + 1, rowBytes).CopyTo(current);
            PngFilter.Unfilter(filter, previous, current, header.FilterStride);
            ExpandRow(current, width, pass.Y0 + y * pass.DY, pass, chunks, pixels, name);
            (previous, current) = (current, previous);
            pos += 1 + rowBytes;
        }
        return pos;
    }

    private static void ExpandRow(ReadOnlySpan<byte> row, int count, int outY, Adam7 pass, PngChunks chunks, byte[] pixels, string name)
    {
        var header = chunks.Header;
        var channels = header.OutputChannels;
        var spp = header.SamplesPerPixel;
        var depth = header.BitDepth;
        var palette = chunks.Palette;
        for (var x = 0; x < count; x++)
        {
            var o = ((long)outY * header.Width + pass.X0 + x * pass.DX) * channels;
            switch (header.ColorType)
            {
                case PngColorType.Grey:
                    pixels[o] = ScaleSample(Sample(row, x, depth), depth);
                    break;
                case PngColorType.GreyAlpha:
                    pixels[o] = ScaleSample(Sample(row, x * spp, depth), depth);
                    break;
                case PngColorType.Rgb:
                case PngColorType.Rgba:
                    for (var c = 0; c < 3; c++) pixels[o + c] = ScaleSample(Sample(row, x * spp + c, depth), depth);
                    break;
                default:
                    var index = Sample(row, x, depth);
                    if (index * 3 >= palette.Length)
                        throw DataFormatException.At(name, $"palette index {index} at ({pass.X0 + x * pass.DX}, {outY}) is past the {palette.Length / 3} palette entries", offset: chunks.ImageDataOffset);
                    pixels[o] = palette[index * 3];
                    pixels[o + 1] = palette[index * 3 + 1];
                    pixels[o + 2] = palette[index * 3 + 2];
                    break;
            }
        }
    }

    /// <summary>Sample number <paramref name="index"/> of a row, as an unsigned value of <paramref name="depth"/> bits (samples are packed most significant bits first).</summary>
    private static int Sample(ReadOnlySpan<byte> row, int index, int depth) => depth switch
    {
        8 => row[index],
        16 => (row[index * 2] << 8) | row[index * 2 + 1],
        _ => (row[index * depth >> 3] >> (8 - depth - (index * depth & 7))) & ((1 << depth) - 1),
    };

    /// <summary>Maps a sample of <paramref name="depth"/> bits onto 0..255 with rounding.</summary>
    private static byte ScaleSample(int value, int depth)
    {
        var max = (1 << depth) - 1;
        return depth == 8 ? (byte)value : (byte)((value * 255 + max / 2) / max);
    }
}
