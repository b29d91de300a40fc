using StbImageSharp;

namespace GanAugment.Data.Images.Jpeg;

/// <summary>
/// Decodes a JPEG file (baseline or progressive, grey or YCbCr) through StbImageSharp, a managed
/// port of stb_image: grey files become one channel, every other file three (RGB).
/// </summary>
internal static class JpegDecoder
{
    /// <summary>True when the file starts with a JPEG start-of-image marker followed by another marker (FF D8 FF).</summary>
    public static bool HasMagic(ReadOnlySpan<byte> file) => file.Length >= 3 && file[0] == 0xFF && file[1] == 0xD8 && file[2] == 0xFF;

    public static RawImage Decode(ReadOnlySpan<byte> file, string name)
    {
        ImageResult decoded;
        try
        {
            // NOTE: Default keeps the file's own components, so a grey JPEG is not tripled into RGB.
            decoded = ImageResult.FromMemory(file.ToArray(), ColorComponents.Default);
        }
        catch (Exception e) when (e is InvalidOperationException or IndexOutOfRangeException or ArgumentException or NullReferenceException)
        {
            throw DataFormatException.At(name, $"not a readable JPEG file ({e.Message})");
        }
        var channels = decoded.Comp is ColorComponents.Grey or ColorComponents.GreyAlpha ? 1 : 3;
        if (decoded.Comp is ColorComponents.Grey or ColorComponents.RedGreenBlue) return new RawImage(decoded.Width, decoded.Height, channels, decoded.Data);
        // Alpha is not part of a JPEG; a decoder that reports it is dropped to the colour channels.
        var stride = (int)decoded.Comp;
        var pixels = new byte[decoded.Width * decoded.Height * channels];
        for (var i = 0; i < decoded.Width * decoded.Height; i++)
            for (var c = 0; c < channels; c++) pixels[i * channels + c] = decoded.Data[i * stride + c];
        return new RawImage(decoded.Width, decoded.Height, channels, pixels);
    }
}
