using System.Globalization;
using NotebookNN.Files;

namespace NotebookNN.Datasets.Download;

/// <summary>
/// Downloads a file with progress into a temporary name beside its destination (<c>{file}.{pid}.{guid}.part</c>), checks
/// its hash, and only then renames it into place. A server that sends nothing for <see cref="DatasetCache.DownloadTimeout"/>
/// (before its headers or in the middle of the body) fails the download with a message; on any failure the partial file
/// is removed, and the error names the URL, the file and where to put it by hand. Partial files of earlier runs that
/// were killed are removed before a new download of the same file.
/// </summary>
internal static class Downloader
{
    /// <summary>No overall limit: a large file on a slow line may take long; a stalled one is cut by the stall timeout.</summary>
    private static readonly HttpClient Client = new() { Timeout = Timeout.InfiniteTimeSpan };

    private const string PartSuffix = ".part";

    public static void Download(DatasetSource source, string destination, TextWriter log)
    {
        var url = DatasetCache.UrlOf(source);
        var stall = DatasetCache.StallTimeout();
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        SideFiles.RemoveStale(destination, "", PartSuffix);
        var temp = SideFiles.Create(destination, "", PartSuffix);
        var progress = DownloadProgress.Start(url, log);
        try
        {
            Fetch(url, temp, progress, stall);
            if (!FileHash.Matches(temp, source, out var actual))
                throw new InvalidDataException(
                    $"The downloaded file's {FileHash.Kind(source)} is {actual}, expected {source.Sha256 ?? source.Md5}: the file is corrupted or the URL serves something else.");
            File.Move(temp, destination, overwrite: true);
        }
        catch (OperationCanceledException e)
        {
            throw Failure(source, url, destination, Invariant(
                $"no data arrived for {stall.TotalSeconds} seconds (the server stalled or the network is down). Set {DatasetCache.TimeoutVariable} (seconds) or DatasetCache.DownloadTimeout to wait longer, or {DatasetCache.OriginVariable} to a mirror."), e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw Failure(source, url, destination, e.Message, e);
        }
        finally
        {
            SideFiles.Release(temp);
        }
    }

    private static IOException Failure(DatasetSource source, string url, string destination, string reason, Exception inner) =>
        new($"Could not download '{source.FileName}' from {url}: {reason} {DatasetCache.WhereToPut(source, destination)}", inner);

    /// <summary>Fetches <paramref name="url"/> into <paramref name="temp"/>; throws <see cref="OperationCanceledException"/> when nothing arrives for <paramref name="stall"/>.</summary>
    private static void Fetch(string url, string temp, DownloadProgress progress, TimeSpan stall)
    {
        using var quiet = new CancellationTokenSource();
        quiet.CancelAfter(stall); // restarted whenever bytes arrive
        using var response = Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, quiet.Token).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        long? total = response.Content.Headers.ContentLength;
        progress.Total = total;
        long done = 0;
        using (var input = response.Content.ReadAsStream(quiet.Token))
        using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[1 << 16];
            while (true)
            {
                quiet.CancelAfter(stall);
                int n = input.ReadAsync(buffer, quiet.Token).AsTask().GetAwaiter().GetResult();
                if (n == 0) break;
                output.Write(buffer, 0, n);
                done += n;
                progress.Report(done);
            }
        }
        progress.Report(done, final: true);
        if (total is { } t && done != t)
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"the connection closed after {done} of {t} bytes."));
    }
}
