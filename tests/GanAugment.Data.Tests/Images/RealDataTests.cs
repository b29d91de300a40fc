using System.Buffers.Binary;
using System.IO.Compression;
using GanAugment.Data.Images;
using GanAugment.Data.Writers;

namespace GanAugment.Data.Tests.Images;

/// <summary>
/// Checks on real files that exist only on machines where the data sets were fetched; skipped
/// (with the reason) elsewhere.
/// </summary>
public class RealDataTests
{
    private const string FashionImages = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
    private const string FashionLabels = "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz";
    private const string PalmBitmap = "/usr/share/doc/fp-compiler/3.2.2/palmos/pilrc.bmp";

    private static byte[] Gunzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gz.CopyTo(output);
        return output.ToArray();
    }

    [FactWhenFilesExist(FashionImages)]
    public void Fashion_mnist_images_survive_png_files_and_the_folder_reader()
    {
        const int n = 300, side = 28;
        var images = Gunzip(FashionImages);
        var labels = Gunzip(FashionLabels);
        Assert.Equal(0x803, BinaryPrimitives.ReadInt32BigEndian(images));
        using var dir = new TempDir();
        for (var i = 0; i < n; i++)
            PngWriter.WriteChw(Path.Combine(dir.Path, $"class{labels[8 + i]}", $"{i:D5}.png"), images.AsSpan(16 + i * side * side, side * side), 1, side, side);

        var data = ImageFolderReader.Read(dir.Path, null, ImageColor.Grey);
        Assert.Equal(n, data.Count);
        // Folder order is class then file name, so walk the originals the same way.
        var order = Enumerable.Range(0, n).OrderBy(i => $"class{labels[8 + i]}", StringComparer.Ordinal).ThenBy(i => i).ToArray();
        for (var k = 0; k < n; k++)
            Assert.True(images.AsSpan(16 + order[k] * side * side, side * side).SequenceEqual(data.Image(k)), $"image {order[k]} differs");

        var small = ImageFolderReader.Read(dir.Path, 14, ImageColor.Rgb);
        Assert.Equal((3, 14, 14), (small.Channels, small.Height, small.Width));
        ImageGridWriter.Write(Path.Combine(dir.Path, "grid.png"), data, [.. Enumerable.Range(0, 20)], columns: 10, rowLabels: ["first", "second"]);
    }

    [FactWhenFilesExist(PalmBitmap)]
    public void One_bit_bmp_shipped_by_a_debian_package()
    {
        var image = ImageFile.Read(PalmBitmap);
        Assert.Equal((48, 48, 1), (image.Width, image.Height, image.Channels));
        Assert.All(image.Pixels, p => Assert.True(p is 0 or 255));
    }
}
