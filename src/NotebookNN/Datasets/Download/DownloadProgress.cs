using System.Diagnostics;
using System.Globalization;
using NotebookNN.Display;

namespace NotebookNN.Datasets.Download;

/// <summary>
/// A download's progress as Keras shows it: <c>Downloading data from &lt;url&gt;</c>, then a bar
/// <c>  1843200/11490434 [===&gt;......] 16%</c>. On a console (or any writer) the bar is redrawn on one line; in a
/// notebook (<see cref="DisplayHook.Display"/> set, output going to the console) one display shows both and is updated
/// in place at most every <see cref="Interval"/> seconds.
/// </summary>
internal abstract class DownloadProgress
{
    /// <summary>Minimum seconds between redraws.</summary>
    public const double Interval = 0.25;

    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _lastDraw = double.NegativeInfinity;
    private long _lastPercent = -1;

    protected DownloadProgress(string url) => Url = url;

    protected string Url { get; }

    /// <summary>The file's size once the answer's headers say it.</summary>
    public long? Total { get; set; }

    /// <summary>Starts showing a download: in the notebook's display when there is one and <paramref name="log"/> is the console, else as text on <paramref name="log"/>.</summary>
    public static DownloadProgress Start(string url, TextWriter log) =>
        DisplayHook.Display is { } display && ReferenceEquals(log, Console.Out) ? new Live(url, display) : new Text(url, log);

    /// <summary><paramref name="done"/> bytes have arrived; drawn when the percentage changed and the last redraw is old enough (always when <paramref name="final"/>).</summary>
    public void Report(long done, bool final = false)
    {
        long percent = Total is > 0 ? done * 100 / Total.Value : -1;
        double now = _clock.Elapsed.TotalSeconds;
        if (!final && (percent == _lastPercent && percent >= 0 || now - _lastDraw < Interval)) return;
        _lastPercent = percent;
        _lastDraw = now;
        Draw(Bar(done), final);
    }

    protected abstract void Draw(string bar, bool final);

    /// <summary>Keras's bar: the byte count, the 30-character bar and the percentage (or only the count without a size).</summary>
    internal string Bar(long done)
    {
        if (Total is not > 0) return done.ToString(CultureInfo.InvariantCulture) + " bytes";
        long total = Total.Value;
        int filled = (int)(Width * Math.Min(done, total) / total);
        var bar = new string('=', Math.Max(0, filled - 1)) + (filled > 0 ? (filled == Width ? "=" : ">") : "") + new string('.', Width - filled);
        var t = total.ToString(CultureInfo.InvariantCulture);
        return $"{done.ToString(CultureInfo.InvariantCulture).PadLeft(t.Length)}/{t} [{bar}] {done * 100 / total}%";
    }

    private sealed class Text : DownloadProgress
    {
        private readonly TextWriter _writer;

        public Text(string url, TextWriter writer) : base(url)
        {
            _writer = writer;
            writer.WriteLine($"Downloading data from {url}");
        }

        protected override void Draw(string bar, bool final)
        {
            _writer.Write("\r" + bar);
            if (final) _writer.WriteLine();
            _writer.Flush();
        }
    }

    private sealed class Live : DownloadProgress
    {
        private readonly Action<object> _update;

        public Live(string url, Func<object, Action<object>> display) : base(url) => _update = display(new DownloadView(url, "", null));

        protected override void Draw(string bar, bool final) => _update(new DownloadView(Url, bar, Total is > 0 ? (int)_lastPercent : null));
    }
}
