using NotebookNN.Runner;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// The runner's stand-in for the kernel API notebooks and <c>extension.dib</c> use: <c>Kernel.display</c> (also
/// reachable as a bare <c>display(...)</c> through the session's <c>using static</c>, as in Polyglot Notebooks).
/// </summary>
public static class Kernel
{
    /// <summary>Shows a value in the running cell's outputs, formatted as the given MIME types (default text/html).</summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var outputs = CellWriter.Current ?? throw new InvalidOperationException("display() was called outside a running cell.");
        return new DisplayedValue(outputs.Display(value, mimeTypes));
    }
}

/// <summary>A shown value; <see cref="Update"/> replaces it in place (the executed notebook keeps the final state).</summary>
public sealed class DisplayedValue
{
    private readonly CellOutputs.DisplaySlot _slot;
    internal DisplayedValue(CellOutputs.DisplaySlot slot) => _slot = slot;

    /// <summary>An identifier of the display, as the kernel's.</summary>
    public string DisplayId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Replaces the shown value.</summary>
    public void Update(object? value) => _slot.Value = value;
}
