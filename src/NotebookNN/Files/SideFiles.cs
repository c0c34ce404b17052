using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace NotebookNN.Files;

/// <summary>
/// Temporary files (or folders: an archive being extracted) written beside a target and renamed over it when complete
/// (atomic saves, downloads, extractions). Their names
/// say whose they are: <c>{prefix}{target name}.{process id}.{guid}{suffix}</c> (a save: <c>.model.keras.4711.3f…e1.tmp</c>,
/// a download: <c>mnist.npz.4711.3f…e1.part</c>). The files of a running write are deleted when the process exits
/// normally; those of a process that was killed (SIGKILL, a crash) are found by their name on the next write of the
/// same target and deleted once their process is gone.
/// </summary>
internal static class SideFiles
{
    private static readonly ConcurrentDictionary<string, byte> InFlight = new();

    /// <summary>Kept alive for the process's life: a registration stops handling its signal when collected.</summary>
    private static readonly List<PosixSignalRegistration> Signals = [];

    static SideFiles()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteInFlight();
        // A terminal's Ctrl+C, a kernel restart or `kill` end the process through these signals; their default action
        // goes on after the handler (the context is not cancelled), which only deletes the files being written.
        try
        {
            foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT,
                         PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
                Signals.Add(PosixSignalRegistration.Create(signal, _ => DeleteInFlight()));
        }
        catch (PlatformNotSupportedException) { }
    }

    private static void DeleteInFlight()
    {
        foreach (var path in InFlight.Keys) TryDelete(path);
    }

    /// <summary>A new temporary name beside <paramref name="target"/> (a full path), deleted at process exit until <see cref="Release"/>.</summary>
    public static string Create(string target, string prefix, string suffix)
    {
        var temp = Path.Combine(Path.GetDirectoryName(target)!,
            $"{prefix}{Path.GetFileName(target)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}{suffix}");
        InFlight[temp] = 0;
        return temp;
    }

    /// <summary>Deletes the temporary file if it is still there (renamed into place, it is not) and forgets it.</summary>
    public static void Release(string temp)
    {
        TryDelete(temp);
        InFlight.TryRemove(temp, out _);
    }

    /// <summary>
    /// Deletes the temporary files of <paramref name="target"/> left by writes whose process is gone (killed, crashed),
    /// and those of older NotebookNN versions (<c>{prefix}{name}.{guid}{suffix}</c>, no process id) untouched for
    /// <see cref="UnownedAge"/>. Returns how many were deleted.
    /// </summary>
    public static int RemoveStale(string target, string prefix, string suffix)
    {
        var dir = Path.GetDirectoryName(target)!;
        var head = prefix + Path.GetFileName(target) + ".";
        if (!Directory.Exists(dir)) return 0;
        int removed = 0;
        IEnumerable<string> candidates;
        try { candidates = Directory.EnumerateFileSystemEntries(dir, head + "*" + suffix).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
        foreach (var path in candidates)
        {
            var name = Path.GetFileName(path);
            if (name.Length < head.Length + suffix.Length) continue;
            var middle = name[head.Length..^suffix.Length].Split('.');
            bool stale = middle switch
            {
                [var pid, var guid] when IsGuid(guid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int id) =>
                    !InFlight.ContainsKey(path) && Gone(id, path),
                [var guid] when IsGuid(guid) => DateTime.UtcNow - SafeLastWrite(path) > UnownedAge,
                _ => false,
            };
            if (stale && TryDelete(path)) removed++;
        }
        return removed;
    }

    /// <summary>How long a temporary file without a process id must be untouched before it counts as left over.</summary>
    internal static readonly TimeSpan UnownedAge = TimeSpan.FromMinutes(10);

    /// <summary>True when process <paramref name="id"/> is not running, or started after the file was last written (its id was reused).</summary>
    private static bool Gone(int id, string path)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return process.StartTime.ToUniversalTime() > SafeLastWrite(path).AddSeconds(1);
        }
        catch (ArgumentException) { return true; }             // no such process
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException) { return false; }
    }

    private static DateTime SafeLastWrite(string path)
    {
        try { return File.GetLastWriteTimeUtc(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return DateTime.UtcNow; }
    }

    private static bool IsGuid(string s) => s.Length == 32 && s.All(char.IsAsciiHexDigitLower);

    private static bool TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
            else return false;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
