namespace GanAugment.Data.Catalogue;

/// <summary>The resolved local files of a data set, handed to its <see cref="DatasetLoader"/>.</summary>
public sealed record DatasetFiles(DatasetEntry Entry, string Folder, DatasetSource Source, IReadOnlyDictionary<string, string> Paths)
{
    /// <summary>The local path of the entry file named <paramref name="name"/> (possibly its raw form).</summary>
    public string PathOf(string name) =>
        Paths.TryGetValue(name, out var path) ? path
            : throw new ArgumentException($"{Entry.Name} has no file named {name}", nameof(name));
}
