namespace NotebookNN.Datasets.Download;

/// <summary>
/// Downloads a file with progress into a temporary name beside its destination, checks its hash, and only then renames
/// it into place; on any failure the partial file is removed and the error names the URL, the file and where to put it.
/// </summary>
internal static class Downloader
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(30) };

    public static void Download(DatasetSource source, string destination, TextWriter log)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temp = $"{destination}.{Guid.NewGuid():N}.part";
        log.WriteLine($"Downloading data from {source.Url}");
        try
        {
            Fetch(source.Url, temp, log);
            if (!FileHash.Matches(temp, source, out var actual))
                throw new InvalidDataException(
                    $"The downloaded file's {FileHash.Kind(source)} is {actual}, expected {source.Sha256 ?? source.Md5}: the file is corrupted or the URL serves something else.");
            File.Move(temp, destination, overwrite: true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or TaskCanceledException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new IOException($"Could not download '{source.FileName}' from {source.Url}: {e.Message} {DatasetCache.WhereToPut(source, destination)}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void Fetch(string url, string temp, TextWriter log)
    {
        using var response = Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        long? total = response.Content.Headers.ContentLength;
        var progress = new DownloadProgress(log, total);
        long done = 0;
        using (var input = response.Content.ReadAsStream())
        using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[1 << 16];
            for (int n; (n = input.Read(buffer)) > 0;)
            {
                output.Write(buffer, 0, n);
                done += n;
                progress.Report(done);
            }
        }
        progress.Report(done, final: true);
        if (total is { } t && done != t)
            throw new IOException($"the connection closed after {done} of {t} bytes.");
    }

    private static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
