using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;

namespace GanAugment.Cli.Infrastructure;

/// <summary>
/// The data set a command works on: a catalogue name (mnist, fashion-mnist, mnist-small, ...),
/// optionally read from an explicit folder. <c>--data &lt;folder&gt;</c> alone means a folder of
/// the four MNIST-layout IDX files. In a run manifest it is stored as <c>name</c> or
/// <c>name@/absolute/folder</c>, so evaluation finds the same data the run was trained on.
/// </summary>
internal sealed record DataSelection(string Name, string? Folder)
{
    /// <summary>The catalogue entry whose reader a bare folder is read with.</summary>
    public const string FolderLayout = "mnist";

    /// <summary>A folder of one sub-folder of images per class (no IDX files): read whole as the training part, with an empty test part.</summary>
    public const string ImageFolderLayout = "image-folder";

    public static DataSelection FromOptions(string data, string? path)
    {
        if (path is not null) return new DataSelection(data, Path.GetFullPath(path));
        if (LooksLikePath(data)) return new DataSelection(IsImageFolder(data) ? ImageFolderLayout : FolderLayout, Path.GetFullPath(data));
        return new DataSelection(data, null);
    }

    public static DataSelection FromManifest(string text)
    {
        var at = text.IndexOf('@');
        return at > 0 ? new DataSelection(text[..at], text[(at + 1)..]) : new DataSelection(text, null);
    }

    public string ManifestText => Folder is null ? Name : $"{Name}@{Folder}";

    /// <summary>How the data set is named to a user: "mnist-small" or "mnist (/data/x)".</summary>
    public override string ToString() => Folder is null ? Name : $"{Name} ({Folder})";

    /// <summary>The request for the catalogue, with the cache of <paramref name="context"/>'s environment.</summary>
    public DatasetRequest Request(CliContext context) => new(Name)
    {
        Path = Folder,
        CacheRoot = DataLocations.DefaultCacheRoot(context.Environment),
        Log = line => context.Error.WriteLine(line),
    };

    /// <summary>
    /// Loads the train and test parts. An unknown name is a usage error naming <paramref name="option"/>;
    /// missing files and bad content are data errors whose message says how to get the data.
    /// </summary>
    public ImageDatasetSplit Load(DatasetCatalogue catalogue, CliContext context, string option = "--data")
    {
        if (Name == ImageFolderLayout)
        {
            var images = ImageFolderReader.Read(Folder!);
            return new ImageDatasetSplit(images, images.Subset([]));
        }
        try
        {
            catalogue.Find(Name);
        }
        catch (DatasetNotFoundException e)
        {
            throw UsageException.For(option, e.Message);
        }
        return catalogue.Load(Request(context));
    }

    private static bool IsImageFolder(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateDirectories(folder).Any() && !Directory.EnumerateFiles(folder, "*idx*").Any();

    private static bool LooksLikePath(string data) =>
        data.Contains(Path.DirectorySeparatorChar) || data.Contains(Path.AltDirectorySeparatorChar) || data.StartsWith('.');
}
