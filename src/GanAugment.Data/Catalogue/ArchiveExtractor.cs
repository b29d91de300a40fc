using System.IO.Compression;

namespace GanAugment.Data.Catalogue;

/// <summary>Copies one member of a zip archive to a file, through a tmp file and a rename.</summary>
internal static class ArchiveExtractor
{
    public static void Extract(string archivePath, string memberName, string destination, Action<string>? log)
    {
        var tmp = $"{destination}.{Environment.ProcessId}.tmp";
        try
        {
            using (var archive = ZipFile.OpenRead(archivePath))
            {
                var member = archive.Entries.FirstOrDefault(e => e.Name == memberName)
                    ?? throw DataFormatException.At(archivePath, $"the archive has no member named {memberName}");
                log?.Invoke($"extracting {member.FullName} from {archivePath}");
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
                using var input = member.Open();
                using var output = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
                input.CopyTo(output);
            }
            File.Move(tmp, destination, overwrite: true);
        }
        catch (InvalidDataException e)
        {
            throw DataFormatException.At(archivePath, $"corrupt zip archive: {e.Message}");
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
