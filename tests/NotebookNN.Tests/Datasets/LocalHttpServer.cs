using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NotebookNN.Tests.Datasets;

/// <summary>
/// A one-file HTTP server on 127.0.0.1 (raw TcpListener) for download tests: serves <see cref="Body"/> with its
/// Content-Length, or with <see cref="DropAfter"/> set sends only that many bytes and closes the connection; with
/// <see cref="StallAfter"/> it sends that many bytes and then nothing more until disposed (-1: not even the headers),
/// and with <see cref="ChunkDelay"/> it sends the body in <see cref="Chunks"/> pieces that far apart.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _requests;

    public LocalHttpServer(byte[] body)
    {
        Body = body;
        _listener.Start();
        _ = Task.Run(Serve);
    }

    public byte[] Body { get; set; }
    public int? DropAfter { get; set; }
    public int Status { get; set; } = 200;
    public int? StallAfter { get; set; }
    public TimeSpan ChunkDelay { get; set; }
    public int Chunks { get; set; } = 1;
    public int Requests => Volatile.Read(ref _requests);
    public string Url(string name) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{name}";

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            Interlocked.Increment(ref _requests);
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var buffer = new byte[4096];
                    var request = new StringBuilder();
                    while (!request.ToString().Contains("\r\n\r\n"))
                    {
                        int n = await stream.ReadAsync(buffer);
                        if (n == 0) break;
                        request.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                    if (StallAfter == -1) { await Stall(); continue; }
                    var header = $"HTTP/1.1 {Status} {(Status == 200 ? "OK" : "Not Found")}\r\nContent-Length: {Body.Length}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
                    int end = StallAfter ?? DropAfter ?? Body.Length, piece = (end + Chunks - 1) / Math.Max(Chunks, 1);
                    for (int at = 0; at < end; at += piece)
                    {
                        if (at > 0) await Task.Delay(ChunkDelay, _stop.Token);
                        await stream.WriteAsync(Body.AsMemory(at, Math.Min(piece, end - at)));
                        await stream.FlushAsync();
                    }
                    if (StallAfter is not null) { await Stall(); continue; }
                    if (DropAfter is not null) client.Client.LingerState = new LingerOption(true, 0);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException) { }
            }
        }
    }

    /// <summary>Keeps the connection open and silent until the server is disposed.</summary>
    private async Task Stall()
    {
        try { await Task.Delay(Timeout.Infinite, _stop.Token); }
        catch (OperationCanceledException) { }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
