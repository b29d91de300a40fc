namespace GanAugment.Data.Images.Netpbm;

/// <summary>
/// Decodes Netpbm grey maps and pix maps: P2 (plain PGM), P5 (raw PGM), P3 (plain PPM), P6 (raw
/// PPM), with '#' comments in the header and any maxval 1..65535 (two big-endian bytes per
/// sample when maxval exceeds 255). Samples are scaled to 0..255 as round(v·255/maxval). Only the
/// first image of a multi-image file is read.
/// </summary>
public static class NetpbmDecoder
{
    /// <summary>True when <paramref name="file"/> starts with one of the magic numbers P2, P3, P5, P6.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> file) =>
        file.Length >= 2 && file[0] == (byte)'P' && file[1] is (byte)'2' or (byte)'3' or (byte)'5' or (byte)'6';

    /// <exception cref="DataFormatException">The file is not a valid P2/P3/P5/P6 file, naming <paramref name="name"/> and the byte offset.</exception>
    public static RawImage Decode(ReadOnlySpan<byte> file, string name)
    {
        if (!HasMagic(file))
            throw DataFormatException.At(name, "not a PGM/PPM file (magic number is not P2, P3, P5 or P6)", offset: 0);
        var kind = file[1];
        var plain = kind is (byte)'2' or (byte)'3';
        var channels = kind is (byte)'3' or (byte)'6' ? 3 : 1;
        var reader = new NetpbmTokenReader(file, name, 2);
        var width = reader.ReadInt("width");
        var sizeAt = reader.LastStart;
        var height = reader.ReadInt("height");
        if (width == 0 || height == 0) throw DataFormatException.At(name, $"image size {width}x{height} is empty", offset: sizeAt);
        var maxval = reader.ReadInt("maxval");
        if (maxval is 0 or > 65535) throw DataFormatException.At(name, $"maxval {maxval} is not in 1..65535", offset: reader.LastStart);
        var samples = (long)width * height * channels;
        var remaining = file.Length - reader.Position;
        var bytesPerSample = maxval > 255 ? 2 : 1;
        // NOTE: checked against the bytes actually present before allocating, so a corrupt size
        // cannot ask for gigabytes; a plain sample needs at least one byte.
        if (samples * (plain ? 1 : bytesPerSample) > remaining - (plain ? 0 : 1))
            throw DataFormatException.At(name, $"file is truncated: a {width}x{height} image needs {samples} samples", offset: reader.Position);
        var pixels = new byte[samples];
        if (plain)
        {
            for (long i = 0; i < samples; i++)
                pixels[i] = Scale(reader.ReadSample(maxval), maxval);
        }
        else
        {
            var data = reader.StartBinary();
            for (long i = 0; i < samples; i++)
            {
                var v = bytesPerSample == 1 ? data[(int)i] : (data[(int)(2 * i)] << 8) | data[(int)(2 * i + 1)];
                if (v > maxval)
                    throw DataFormatException.At(name, $"sample {v} exceeds maxval {maxval}", offset: file.Length - data.Length + i * bytesPerSample);
                pixels[i] = Scale(v, maxval);
            }
        }
        return new RawImage(width, height, channels, pixels).CollapseGrey();
    }

    private static byte Scale(int value, int maxval) =>
        maxval == 255 ? (byte)value : (byte)((value * 255 + maxval / 2) / maxval);
}
