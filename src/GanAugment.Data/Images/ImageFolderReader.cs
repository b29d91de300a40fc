namespace GanAugment.Data.Images;

/// <summary>
/// Reads a labelled image set laid out as one sub-folder per class (the torchvision ImageFolder
/// layout): <c>root/&lt;class&gt;/&lt;image&gt;</c>. Class names are the sub-folder names in
/// ordinal order and label i is the i-th name; images are PNG, JPEG, PGM/PPM or BMP files (by
/// extension; other files and hidden folders are skipped), read in ordinal name order.
/// </summary>
public static class ImageFolderReader
{
    /// <summary>
    /// Reads <paramref name="root"/> at the images' own size (they must share one) in the colour of
    /// its first image: grey when that image has one channel, RGB otherwise.
    /// </summary>
    public static ImageDataset Read(string root)
    {
        if (!Directory.Exists(root)) throw DataFormatException.At(root, "image folder does not exist");
        var first = SortedSubfolders(root).Select(SortedImageFiles).FirstOrDefault(f => f.Length > 0)?[0];
        var mode = first is not null && ImageFile.Read(first).Channels == 1 ? ImageColor.Grey : ImageColor.Rgb;
        return Read(root, null, mode);
    }

    /// <param name="root">The folder holding one sub-folder per class.</param>
    /// <param name="size">Resize every image to size x size; when null, all images must share one size.</param>
    /// <param name="mode">Colour mode of the result.</param>
    /// <exception cref="DataFormatException">A missing or empty folder, or a bad image; the message names it.</exception>
    public static ImageDataset Read(string root, int? size, ImageColor mode)
    {
        if (size is <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "image size must be positive");
        if (!Directory.Exists(root)) throw DataFormatException.At(root, "image folder does not exist");
        var classDirs = SortedSubfolders(root);
        if (classDirs.Length == 0) throw DataFormatException.At(root, "image folder holds no class sub-folders");

        ImageDatasetBuilder? builder = null;
        string? firstFile = null;
        for (var label = 0; label < classDirs.Length; label++)
        {
            var files = SortedImageFiles(classDirs[label]);
            if (files.Length == 0)
                throw DataFormatException.At(classDirs[label], "class folder holds no PNG, JPEG, PGM/PPM or BMP images");
            foreach (var file in files)
            {
                var image = Prepare(ImageFile.Read(file), size, mode);
                if (builder is null)
                {
                    builder = new ImageDatasetBuilder(image.Channels, image.Height, image.Width);
                    firstFile = file;
                }
                else if (size is null && (image.Width != builder.Width || image.Height != builder.Height))
                    throw DataFormatException.At(file,
                        $"image is {image.Width}x{image.Height} but {firstFile} is {builder.Width}x{builder.Height}; give a size to resize them");
                builder.Add(image, label);
            }
        }
        return builder!.Build([.. classDirs.Select(Path.GetFileName).Select(n => n!)]);
    }

    /// <summary>
    /// Brings an image to the colour mode and (if given) the size, converting to grey before
    /// resizing and to RGB after, so the resize always works on the fewer channels.
    /// </summary>
    internal static RawImage Prepare(RawImage image, int? size, ImageColor mode)
    {
        if (mode == ImageColor.Grey) image = ImageConvert.ToGrey(image);
        if (size is { } s) image = ImageResize.Resize(image, s, s);
        return ImageConvert.To(image, mode);
    }

    /// <summary>Sub-folders of <paramref name="folder"/> not starting with '.', in ordinal name order.</summary>
    internal static string[] SortedSubfolders(string folder) =>
        [.. Directory.GetDirectories(folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)];

    /// <summary>Image files directly in <paramref name="folder"/>, in ordinal name order.</summary>
    internal static string[] SortedImageFiles(string folder) =>
        [.. Directory.GetFiles(folder)
            .Where(f => ImageFile.HasImageExtension(f) && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)];
}
