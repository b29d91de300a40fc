using GanAugment.Data.Images.Bmp;
using GanAugment.Data.Images.Jpeg;
using GanAugment.Data.Images.Netpbm;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Images;

/// <summary>
/// Reads one image file of any supported format (PNG, JPEG, PGM/PPM P2/P3/P5/P6, BMP), choosing the
/// decoder from the file's first bytes, never from its name.
/// </summary>
public static class ImageFile
{
    /// <summary>File name extensions the folder readers pick up (compared without case).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".jpg", ".jpeg", ".pgm", ".ppm", ".pnm", ".bmp"];

    /// <summary>True when <paramref name="path"/> ends with one of <see cref="Extensions"/>.</summary>
    public static bool HasImageExtension(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads and decodes the image at <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">The file cannot be read or is not a valid image; the message names the file.</exception>
    public static RawImage Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataFormatException.At(path, $"cannot read the file ({e.Message})");
        }
        return Decode(bytes, path);
    }

    /// <summary>Decodes an in-memory image file; <paramref name="name"/> is used in error messages.</summary>
    public static RawImage Decode(ReadOnlySpan<byte> file, string name)
    {
        // NOTE: a damaged PNG signature still goes to the PNG decoder, which names the problem.
        if (file.Length >= 4 && (file[0] == 0x89 || file[1..4].SequenceEqual("PNG"u8))) return PngDecoder.Decode(file, name);
        if (NetpbmDecoder.HasMagic(file)) return NetpbmDecoder.Decode(file, name);
        if (BmpDecoder.HasMagic(file)) return BmpDecoder.Decode(file, name);
        if (JpegDecoder.HasMagic(file)) return JpegDecoder.Decode(file, name);
        var head = Convert.ToHexString(file[..Math.Min(8, file.Length)]);
        throw DataFormatException.At(name, $"not a PNG, JPEG, PGM/PPM or BMP file (starts with 0x{head})", offset: 0);
    }
}
