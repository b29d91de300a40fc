using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace GanAugment.Data.Tests.Catalogue;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 serving byte arrays by path, for download tests. A file
/// registered as interrupted announces its full length but sends only half, then aborts.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, (byte[] Bytes, bool Interrupt)> _files = new();
    private readonly Task _loop;
    private int _requests;

    public LocalHttpServer()
    {
        (_listener, BaseUrl) = Start();
        _loop = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    public void Add(string path, byte[] bytes, bool interrupt = false) => _files[path.TrimStart('/')] = (bytes, interrupt);

    private static (HttpListener, string) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var url = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return (listener, url);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private void Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = _listener.GetContext(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            Interlocked.Increment(ref _requests);
            try { Respond(context); }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
        var response = context.Response;
        if (!_files.TryGetValue(path, out var file))
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }
        response.ContentLength64 = file.Bytes.Length;
        if (file.Interrupt)
        {
            response.OutputStream.Write(file.Bytes, 0, file.Bytes.Length / 2);
            response.OutputStream.Flush();
            response.Abort();
            return;
        }
        response.OutputStream.Write(file.Bytes);
        response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
