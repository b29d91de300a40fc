using GanAugment.Data.Images;
using GanAugment.Data.Tables;

namespace GanAugment.Data.Catalogue;

/// <summary>
/// An immutable set of named data sets that finds, downloads, verifies and loads them.
/// Resolution order: the explicit path of the request (and nothing else when given) → the user
/// cache → local copies (system installs, the repository's bundled data) → a download from the
/// entry's base URL or the mirror, streamed to a tmp file in the cache, verified, then renamed.
/// Adding a data set is one <see cref="DatasetEntry"/> in <see cref="BuiltInDatasets"/>; plugging
/// in a reader for an entry that has none is one <see cref="WithLoader"/> call.
/// </summary>
public sealed class DatasetCatalogue
{
    private readonly Dictionary<string, DatasetEntry> _byName;

    public DatasetCatalogue(IEnumerable<DatasetEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.ToArray();
        _byName = new Dictionary<string, DatasetEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Entries)
            if (!_byName.TryAdd(entry.Name, entry))
                throw new ArgumentException($"data set '{entry.Name}' is listed twice", nameof(entries));
    }

    /// <summary>The built-in entries of <see cref="BuiltInDatasets.All"/>.</summary>
    public static DatasetCatalogue CreateBuiltIn() => new(BuiltInDatasets.All());

    public IReadOnlyList<DatasetEntry> Entries { get; }

    /// <summary>The entry named <paramref name="name"/> (case-insensitive), or a <see cref="DatasetNotFoundException"/> listing the known names.</summary>
    public DatasetEntry Find(string name) =>
        _byName.TryGetValue(name, out var entry) ? entry
            : throw new DatasetNotFoundException($"unknown data set '{name}'; known: {string.Join(", ", Entries.Select(e => e.Name))}");

    /// <summary>A catalogue with <paramref name="entry"/> added, or replacing the entry of the same name.</summary>
    public DatasetCatalogue With(DatasetEntry entry) =>
        new(Entries.Where(e => !string.Equals(e.Name, entry.Name, StringComparison.OrdinalIgnoreCase)).Append(entry));

    /// <summary>A catalogue whose entry <paramref name="name"/> reads its files with <paramref name="loader"/>.</summary>
    public DatasetCatalogue WithLoader(string name, DatasetLoader loader) => With(Find(name) with { Loader = loader });

    /// <summary>Resolves and reads the data set of <paramref name="request"/>.</summary>
    public ImageDatasetSplit Load(DatasetRequest request)
    {
        var entry = Find(request.Name);
        if (entry.Table is not null)
            throw new DatasetNotFoundException($"{entry.Name} is a table, not a set of images; give it to a table model");
        if (entry.Loader is null)
            throw new NotSupportedException($"{entry.Name}: no reader is registered for this data set yet (DatasetCatalogue.WithLoader); its files can still be fetched");
        return entry.Loader(entry, Resolve(request));
    }

    /// <summary>
    /// Resolves and reads the table of <paramref name="request"/> (an entry with a
    /// <see cref="DatasetEntry.Table"/>), its target column set as the label; the held-out part
    /// too when the source has one.
    /// </summary>
    public (Table Train, Table? Test, DatasetFiles Files) LoadTable(DatasetRequest request)
    {
        var entry = Find(request.Name);
        var table = entry.Table ?? throw new DatasetNotFoundException($"{entry.Name} is a set of images, not a table");
        var files = Resolve(request);
        return (table.Read(files).WithLabel(table.Target), table.ReadTest?.Invoke(files).WithLabel(table.Target), files);
    }

    /// <summary>Finds the data set's files, downloading them into the cache if needed and allowed.</summary>
    public DatasetFiles Resolve(DatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = Find(request.Name);
        var cacheRoot = request.CacheRoot ?? DataLocations.DefaultCacheRoot(DataLocations.Process);
        var cache = Path.Combine(cacheRoot, entry.CacheFolder);
        var resolver = new Resolver(entry, cache, request);

        if (request.Path is { } path)
        {
            if (!Directory.Exists(path))
                throw new DatasetNotFoundException($"{entry.Name}: {path} is not a folder; pass the folder that holds {NeededNames(entry)}");
            return resolver.TryLocal(path, DatasetSource.ExplicitPath)
                ?? throw new DatasetNotFoundException($"{entry.Name}: {path} lacks {string.Join(", ", resolver.Missing(path))}; it needs {NeededNames(entry)}");
        }

        var local = resolver.TryLocal(cache, DatasetSource.Cache);
        if (local is null && request.UseLocalCopies)
            foreach (var folder in entry.LocalFolders)
                if ((local = resolver.TryLocal(folder, DatasetSource.LocalCopy)) is not null) break;
        if (local is not null) return local;

        var looked = string.Join(", ", request.UseLocalCopies ? entry.LocalFolders.Prepend(cache) : [cache]);
        var howTo = entry.HowToGet.Replace("{cache}", cache, StringComparison.Ordinal);
        if (!request.AllowDownload || entry.BaseUrl is null && request.Mirror is null)
        {
            var why = request.AllowDownload ? "it cannot be downloaded" : "downloads are turned off";
            throw new DatasetNotFoundException($"{entry.Name}: not found in {looked} and {why}. {howTo}".TrimEnd());
        }
        try
        {
            return resolver.Download();
        }
        catch (DownloadException e)
        {
            throw new DatasetNotFoundException($"{entry.Name}: not found in {looked}, and {e.Message}. {howTo}".TrimEnd(), e);
        }
    }

    private static string NeededNames(DatasetEntry entry) => string.Join(", ", entry.Files.Select(f => f.Name));

    /// <summary>The per-request state of a resolution: the entry, its cache folder and the request's options.</summary>
    private sealed class Resolver(DatasetEntry entry, string cache, DatasetRequest request)
    {
        public IEnumerable<string> Missing(string folder) =>
            entry.Files.Where(f => Find(folder, f) is null && !HasArchive(folder, f)).Select(f => f.Name);

        /// <summary>The files in <paramref name="folder"/> (members of an archive there are extracted into the cache), or null if some are missing.</summary>
        public DatasetFiles? TryLocal(string folder, DatasetSource source)
        {
            if (!Directory.Exists(folder) || Missing(folder).Any()) return null;
            var paths = new Dictionary<string, string>();
            foreach (var file in entry.Files)
            {
                if (Find(folder, file) is { } path)
                {
                    if (request.VerifyLocalFiles) file.Check.Verify(path, path);
                    paths[file.Name] = path;
                }
                else
                {
                    var archive = ArchiveOf(file);
                    var archivePath = Path.Combine(folder, archive.Name);
                    archive.Check.Verify(archivePath, archivePath);
                    paths[file.Name] = ExtractIntoCache(archivePath, file);
                }
            }
            return new DatasetFiles(entry, folder, source, paths);
        }

        public DatasetFiles Download()
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var paths = new Dictionary<string, string>();
            foreach (var file in entry.Files)
            {
                if (Find(cache, file) is { } cached)
                {
                    paths[file.Name] = cached;
                    continue;
                }
                if (file.Archive is null)
                {
                    var destination = Path.Combine(cache, file.Name);
                    Downloader.Download(client, UrlOf(file.Name), destination, file.Check, request.Log);
                    paths[file.Name] = destination;
                    continue;
                }
                var archive = ArchiveOf(file);
                var archivePath = Path.Combine(cache, archive.Name);
                if (!File.Exists(archivePath)) Downloader.Download(client, UrlOf(archive.Name), archivePath, archive.Check, request.Log);
                paths[file.Name] = ExtractIntoCache(archivePath, file);
            }
            return new DatasetFiles(entry, cache, DatasetSource.Downloaded, paths);
        }

        private Uri UrlOf(string fileName)
        {
            var mirror = request.Mirror ?? DataLocations.DefaultMirror(DataLocations.Process);
            var baseUrl = mirror is not null ? $"{mirror.TrimEnd('/')}/{entry.CacheFolder}/" : entry.BaseUrl!;
            return new Uri(new Uri(baseUrl), Uri.EscapeDataString(fileName));
        }

        private string ExtractIntoCache(string archivePath, DatasetFile file)
        {
            var destination = Path.Combine(cache, file.Name);
            ArchiveExtractor.Extract(archivePath, file.Name, destination, request.Log);
            return destination;
        }

        private DatasetFile ArchiveOf(DatasetFile file) =>
            entry.Archives.FirstOrDefault(a => a.Name == file.Archive)
                ?? throw new InvalidOperationException($"{entry.Name}: file {file.Name} names archive {file.Archive}, which the entry does not list");

        private static string? Find(string folder, DatasetFile file) =>
            file.AcceptedNames().Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);

        private static bool HasArchive(string folder, DatasetFile file) =>
            file.Archive is not null && File.Exists(Path.Combine(folder, file.Archive));
    }
}
