using System.Globalization;

namespace NotebookNN.Datasets.Download;

public static partial class DatasetCache
{
    /// <summary>The environment variable naming a mirror that replaces the datasets' origins (see <see cref="Origin"/>).</summary>
    public const string OriginVariable = "NOTEBOOKNN_DATASETS_ORIGIN";

    /// <summary>The environment variable giving <see cref="DownloadTimeout"/> in seconds.</summary>
    public const string TimeoutVariable = "NOTEBOOKNN_DOWNLOAD_TIMEOUT";

    /// <summary>How long a download waits when no data arrives (before the answer's headers or between chunks of its
    /// body) unless <see cref="DownloadTimeout"/> or <c>NOTEBOOKNN_DOWNLOAD_TIMEOUT</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultDownloadTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A base URL that serves the dataset files by name, used instead of their fixed origins (Keras's
    /// <c>https://storage.googleapis.com/tensorflow/tf-keras-datasets/</c>, CIFAR-10's site, …), for people behind a
    /// proxy or with a mirror; the file <c>mnist.npz</c> is then fetched from <c>{Origin}/mnist.npz</c> (Keras's
    /// <c>get_file(origin=…)</c>). Null (the default) takes <c>NOTEBOOKNN_DATASETS_ORIGIN</c>, else each file's own origin.
    /// </summary>
    public static string? Origin { get; set; }

    /// <summary>
    /// How long a download may go without receiving a byte (while connecting, waiting for the answer, or between
    /// chunks of the file) before it fails with a message; a slow download that keeps moving is never cut. Null (the
    /// default) takes <c>NOTEBOOKNN_DOWNLOAD_TIMEOUT</c> (seconds), else <see cref="DefaultDownloadTimeout"/>.
    /// </summary>
    public static TimeSpan? DownloadTimeout
    {
        get => _downloadTimeout;
        set => _downloadTimeout = value is not { } t || t > TimeSpan.Zero ? value
            : throw new ArgumentOutOfRangeException(nameof(value), Invariant($"DownloadTimeout must be positive. Received: {t.TotalSeconds} seconds"));
    }

    private static TimeSpan? _downloadTimeout;

    /// <summary>Where <paramref name="source"/> is downloaded from: the mirror's URL for its file name when one is set.</summary>
    internal static string UrlOf(DatasetSource source)
    {
        var mirror = Origin ?? Environment.GetEnvironmentVariable(OriginVariable);
        if (string.IsNullOrWhiteSpace(mirror)) return source.Url;
        if (!Uri.TryCreate(mirror, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"The datasets' mirror must be an http:// or https:// URL. Received: '{mirror}' (from {(Origin is null ? OriginVariable : "DatasetCache.Origin")}).");
        return mirror.TrimEnd('/') + "/" + Uri.EscapeDataString(source.FileName);
    }

    /// <summary>The stall timeout in force: <see cref="DownloadTimeout"/>, <c>NOTEBOOKNN_DOWNLOAD_TIMEOUT</c>, or the default.</summary>
    internal static TimeSpan StallTimeout()
    {
        if (DownloadTimeout is { } t) return t;
        var text = Environment.GetEnvironmentVariable(TimeoutVariable);
        if (string.IsNullOrWhiteSpace(text)) return DefaultDownloadTimeout;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= TimeSpan.MaxValue.TotalSeconds)
            return TimeSpan.FromSeconds(s);
        throw new ArgumentException($"{TimeoutVariable} must be a positive number of seconds. Received: '{text}'");
    }
}
