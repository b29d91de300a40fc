using System.IO.Compression;
using System.Security.Cryptography;

namespace GanAugment.Data.Catalogue;

/// <summary>
/// How a data-set file is verified. A file passes when any pinned digest matches: its SHA-256 is
/// one of <see cref="Sha256"/>, or the SHA-256 of its content (after gunzip when it is gzip, the
/// file itself when it is raw) is <see cref="ContentSha256"/>, or its MD5 is <see cref="Md5"/>.
/// With no digest pinned, only <see cref="Size"/> (when given) is checked and the loader's format
/// validation is all the verification there is; <see cref="Source"/> says where the values come
/// from, so an entry never carries a checksum nobody can trace.
/// </summary>
public sealed record FileCheck
{
    /// <summary>Accepted SHA-256 values (lower-case hex) of the file's own bytes.</summary>
    public IReadOnlyList<string> Sha256 { get; init; } = [];

    /// <summary>SHA-256 of the decompressed content, so raw and re-compressed copies also pass.</summary>
    public string? ContentSha256 { get; init; }

    /// <summary>MD5 (lower-case hex), for files whose publishers pin nothing stronger.</summary>
    public string? Md5 { get; init; }

    /// <summary>Expected size in bytes, checked only when no digest is pinned.</summary>
    public long? Size { get; init; }

    /// <summary>Where the pinned values were taken from.</summary>
    public string Source { get; init; } = "";

    public bool HasDigest => Sha256.Count > 0 || ContentSha256 is not null || Md5 is not null;

    /// <summary>Checks <paramref name="path"/>; throws a <see cref="DataFormatException"/> naming <paramref name="displayName"/> on mismatch.</summary>
    public void Verify(string path, string displayName)
    {
        if (!HasDigest)
        {
            var length = new FileInfo(path).Length;
            if (Size is { } size && length != size)
                throw DataFormatException.At(displayName, $"size is {length} bytes, expected {size}");
            return;
        }
        var fileSha = Hash(path, SHA256.Create(), gunzip: false);
        if (Sha256.Contains(fileSha, StringComparer.OrdinalIgnoreCase)) return;
        string? contentSha = null;
        if (ContentSha256 is not null)
        {
            contentSha = IsGzip(path) ? HashContent(path, displayName) : fileSha;
            if (string.Equals(contentSha, ContentSha256, StringComparison.OrdinalIgnoreCase)) return;
        }
        if (Md5 is not null && string.Equals(Hash(path, MD5.Create(), gunzip: false), Md5, StringComparison.OrdinalIgnoreCase)) return;

        var expected = new List<string>();
        if (Sha256.Count > 0) expected.Add($"file SHA-256 {string.Join(" or ", Sha256)}");
        if (ContentSha256 is not null) expected.Add($"content SHA-256 {ContentSha256}");
        if (Md5 is not null) expected.Add($"MD5 {Md5}");
        var got = contentSha is not null && contentSha != fileSha ? $"{fileSha} (content {contentSha})" : fileSha;
        throw DataFormatException.At(displayName, $"checksum mismatch: SHA-256 is {got}, expected {string.Join(" or ", expected)}");
    }

    private static bool IsGzip(string path)
    {
        using var file = File.OpenRead(path);
        return file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
    }

    private static string HashContent(string path, string displayName)
    {
        try
        {
            return Hash(path, SHA256.Create(), gunzip: true);
        }
        catch (InvalidDataException e)
        {
            throw DataFormatException.At(displayName, $"corrupt gzip data: {e.Message}");
        }
    }

    private static string Hash(string path, HashAlgorithm algorithm, bool gunzip)
    {
        using (algorithm)
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16))
        using (var content = gunzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file)
            return Convert.ToHexStringLower(algorithm.ComputeHash(content));
    }
}
