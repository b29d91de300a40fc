using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;

namespace GanAugment.Cli.Infrastructure;

/// <summary>
/// The data set a command works on: a catalogue name (mnist, fashion-mnist, mnist-small, ...),
/// optionally read from an explicit folder, or a folder named alone: a folder of MNIST-layout IDX
/// files is read as MNIST's, any other as an image folder (<see cref="ImageFolderDataset"/>: class
/// sub-folders of PNG/JPEG/BMP/PGM files, optionally under train/ and test/). In a run manifest it
/// is stored as <c>name</c> or <c>name@/absolute/folder</c> (<c>folder@...</c> for an image
/// folder), so evaluation finds the same data the run was trained on.
/// </summary>
internal sealed record DataSelection(string Name, string? Folder)
{
    /// <summary>The catalogue entry whose reader a bare folder of IDX files is read with.</summary>
    public const string FolderLayout = "mnist";

    /// <summary>The name of an image-folder data set (<c>--data folder --path dir</c>, or <c>--data dir</c>).</summary>
    public const string ImageFolder = "folder";

    public static DataSelection FromOptions(string data, string? path)
    {
        if (path is not null) return new DataSelection(data, Path.GetFullPath(path));
        if (LooksLikePath(data) || Directory.Exists(data))
        {
            var folder = Path.GetFullPath(data);
            return new DataSelection(HoldsIdx(folder) ? FolderLayout : ImageFolder, folder);
        }
        return new DataSelection(data, null);
    }

    /// <summary>True for an image folder rather than a catalogue set.</summary>
    public bool IsImageFolder => Name == ImageFolder;

    /// <summary>The folder the images were read from (the catalogue's choice for a named set).</summary>
    public string Where(DatasetCatalogue catalogue, CliContext context) => IsImageFolder ? Folder! : catalogue.Resolve(Request(context)).Folder;

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
        if (IsImageFolder) return ImageFolderDataset.Read(Folder ?? throw UsageException.For(option, $"'{ImageFolder}' reads an image folder: name it with --path, or give the folder itself"));
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

    /// <summary>
    /// The test part of <paramref name="split"/>, which must hold images: a classifier is scored on
    /// it. An image folder without a test/ part has none.
    /// </summary>
    public ImageDataset RequireTest(ImageDatasetSplit split, string option)
    {
        if (split.Test.Count > 0) return split.Test;
        throw UsageException.For(option, $"{this} has no test images to score a classifier on; lay the folder out as train/<NN-class>/ and test/<NN-class>/");
    }

    private static bool HoldsIdx(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => Path.GetFileName(f).Contains("-ubyte", StringComparison.Ordinal));

    private static bool LooksLikePath(string data) =>
        data.Contains(Path.DirectorySeparatorChar) || data.Contains(Path.AltDirectorySeparatorChar) || data.StartsWith('.');
}
