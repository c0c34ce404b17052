using System.Text;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Callbacks;
using NotebookNN.Display;

namespace NotebookNN.Tests.Support;

/// <summary>
/// Sets <see cref="DisplayHook.Display"/> for the life of the object to a recorder of every value shown and every
/// update, as dotnet-repl keeps them (one output each), for calls made on the creating thread only (a Fit of another
/// test class gets a display that records nothing). Use in the "DisplayHook" collection.
/// </summary>
public sealed class RecordingDisplay : IDisposable
{
    private readonly int _thread = Environment.CurrentManagedThreadId;

    public RecordingDisplay() =>
        DisplayHook.Display = value =>
        {
            if (Environment.CurrentManagedThreadId != _thread) return _ => { };
            var display = new List<object> { value };
            Displays.Add(display);
            return display.Add;
        };

    /// <summary>Each display: the value shown, then every update in order.</summary>
    public List<List<object>> Displays { get; } = [];

    /// <summary>The one display recorded.</summary>
    public List<object> Single => Assert.Single(Displays);

    /// <summary>Bytes of a value formatted as the kernel formats it, <c>text/html</c> plus <c>text/plain</c> (UTF-8).</summary>
    public static long FormattedBytes(object value) =>
        Encoding.UTF8.GetByteCount(value.ToDisplayString("text/html")) + Encoding.UTF8.GetByteCount(value.ToDisplayString("text/plain"));

    /// <summary>Bytes of every value of every display, summed.</summary>
    public long TotalBytes => Displays.SelectMany(d => d).Sum(FormattedBytes);

    public void Dispose() => DisplayHook.Display = null;
}

/// <summary>
/// Sets <see cref="DisplayHook.Cancellation"/> for the life of the object, as the kernel's running cell would: calls
/// made on the creating thread get the token of <see cref="Cancel"/>, others none.
/// </summary>
public sealed class NotebookStop : IDisposable
{
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private CancellationTokenSource _cell = new();

    public NotebookStop() =>
        DisplayHook.Cancellation = () => Environment.CurrentManagedThreadId == _thread ? _cell.Token : CancellationToken.None;

    /// <summary>The stop button (from any thread).</summary>
    public void Cancel() => _cell.Cancel();

    /// <summary>The token of the running cell.</summary>
    public CancellationToken Token => _cell.Token;

    /// <summary>A new cell runs: a fresh token.</summary>
    public void NextCell() => _cell = new CancellationTokenSource();

    public void Dispose() => DisplayHook.Cancellation = null;
}
