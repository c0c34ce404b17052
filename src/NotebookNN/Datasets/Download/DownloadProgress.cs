namespace NotebookNN.Datasets.Download;

/// <summary>Keras-style download progress on one console line: <c>  1843200/11490434 [===&gt;......] 16%</c>.</summary>
internal sealed class DownloadProgress(TextWriter writer, long? total)
{
    private const int Width = 30;
    private long _lastPercent = -1;
    private DateTime _lastWrite = DateTime.MinValue;

    public void Report(long done, bool final = false)
    {
        long percent = total is > 0 ? done * 100 / total.Value : -1;
        var now = DateTime.UtcNow;
        if (!final && (percent == _lastPercent || (now - _lastWrite).TotalMilliseconds < 100)) return;
        _lastPercent = percent;
        _lastWrite = now;
        if (total is > 0)
        {
            int filled = (int)(Width * done / total.Value);
            var bar = new string('=', Math.Max(0, filled - 1)) + (filled > 0 ? (filled == Width ? "=" : ">") : "") + new string('.', Width - filled);
            writer.Write($"\r{done.ToString().PadLeft(total.Value.ToString().Length)}/{total} [{bar}] {percent}%");
        }
        else writer.Write($"\r{done} bytes");
        if (final) writer.WriteLine();
        writer.Flush();
    }
}
