namespace GanAugment.Data.Catalogue;

/// <summary>
/// Streams one URL to <c>&lt;destination&gt;.&lt;pid&gt;.tmp</c>, checks the length against the
/// Content-Length header, verifies the checksum, and only then renames it to its final name, so
/// the cache never holds a partial or unverified file.
/// </summary>
internal static class Downloader
{
    /// <summary>How long one read may wait for data before the transfer counts as stalled.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    public static void Download(HttpClient client, Uri url, string destination, FileCheck check, Action<string>? log)
    {
        var tmp = $"{destination}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
            long received;
            long? expected;
            using (var request = new HttpRequestMessage(HttpMethod.Get, url))
            using (var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead))
            {
                if (!response.IsSuccessStatusCode)
                    throw new DownloadException($"{url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                expected = response.Content.Headers.ContentLength;
                log?.Invoke($"downloading {url} ({(expected is { } n ? $"{n:N0} bytes" : "size unknown")})");
                using var body = response.Content.ReadAsStream();
                using var file = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
                received = Copy(body, file);
            }
            if (expected is { } length && received != length)
                throw new DownloadException($"the transfer of {url} ended after {received} of {length} bytes");
            check.Verify(tmp, url.ToString());
            File.Move(tmp, destination, overwrite: true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or UnauthorizedAccessException)
        {
            throw new DownloadException($"downloading {url} failed: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    private static long Copy(Stream body, Stream file)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        while (true)
        {
            using var idle = new CancellationTokenSource(IdleTimeout);
            int read;
            try
            {
                read = body.ReadAsync(buffer, idle.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested)
            {
                throw new DownloadException($"the transfer stalled for {IdleTimeout.TotalSeconds:0} s after {total} bytes");
            }
            if (read == 0) return total;
            file.Write(buffer, 0, read);
            total += read;
        }
    }
}

/// <summary>A download that did not complete; the catalogue turns it into a <see cref="DatasetNotFoundException"/> with advice.</summary>
internal sealed class DownloadException : Exception
{
    public DownloadException(string message) : base(message) { }

    public DownloadException(string message, Exception inner) : base(message, inner) { }
}
