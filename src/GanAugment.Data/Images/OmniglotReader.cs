namespace GanAugment.Data.Images;

/// <summary>
/// Reads one Omniglot set (https://github.com/brendenlake/omniglot; "images_background" and
/// "images_evaluation" are separate roots) laid out as <c>root/&lt;alphabet&gt;/&lt;characterNN&gt;/*.png</c>:
/// 105x105 black-on-white drawings, one class per character, named "alphabet/character". Classes
/// are ordered by alphabet, then character (ordinal names); images are resized to size x size, grey.
/// </summary>
public static class OmniglotReader
{
    /// <exception cref="DataFormatException">A missing or empty folder, or a bad image; the message names it.</exception>
    public static ImageDataset Read(string root, int size)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "image size must be positive");
        if (!Directory.Exists(root)) throw DataFormatException.At(root, "Omniglot folder does not exist");
        var alphabets = ImageFolderReader.SortedSubfolders(root);
        if (alphabets.Length == 0) throw DataFormatException.At(root, "holds no alphabet folders");
        var names = new List<string>();
        var builder = new ImageDatasetBuilder(1, size, size);
        foreach (var alphabet in alphabets)
        {
            var characters = ImageFolderReader.SortedSubfolders(alphabet);
            if (characters.Length == 0) throw DataFormatException.At(alphabet, "alphabet folder holds no character folders");
            foreach (var character in characters)
            {
                var files = ImageFolderReader.SortedImageFiles(character);
                if (files.Length == 0) throw DataFormatException.At(character, "character folder holds no images");
                foreach (var file in files)
                {
                    var image = ImageFolderReader.Prepare(ImageFile.Read(file), size, ImageColor.Grey);
                    builder.Add(image, names.Count);
                }
                names.Add($"{Path.GetFileName(alphabet)}/{Path.GetFileName(character)}");
            }
        }
        return builder.Build(names);
    }
}
