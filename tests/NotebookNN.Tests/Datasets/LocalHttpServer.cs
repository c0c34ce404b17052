using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NotebookNN.Tests.Datasets;

/// <summary>
/// A one-file HTTP server on 127.0.0.1 (raw TcpListener) for download tests: serves <see cref="Body"/> with its
/// Content-Length, or with <see cref="DropAfter"/> set sends only that many bytes and closes the connection.
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
                    var header = $"HTTP/1.1 {Status} {(Status == 200 ? "OK" : "Not Found")}\r\nContent-Length: {Body.Length}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
                    await stream.WriteAsync(Body.AsMemory(0, DropAfter ?? Body.Length));
                    await stream.FlushAsync();
                    if (DropAfter is not null) client.Client.LingerState = new LingerOption(true, 0);
                }
                catch (IOException) { }
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
