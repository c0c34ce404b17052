namespace NotebookNN.Learn;

/// <summary>
/// scikit-learn's warnings (e.g. <c>ConvergenceWarning</c>), written as Python shows them, <c>ConvergenceWarning: ...</c>,
/// to standard error (a notebook shows it under the cell). <see cref="Capture"/> redirects them for the calling flow.
/// </summary>
public static class SklearnWarnings
{
    private static readonly AsyncLocal<List<string>?> Captured = new();

    /// <summary>Collects the warnings raised by this flow (and the tasks it starts) into <paramref name="into"/> instead of writing them.</summary>
    public static IDisposable Capture(List<string> into)
    {
        var previous = Captured.Value;
        Captured.Value = into;
        return new Restore(() => Captured.Value = previous);
    }

    internal static void Warn(string category, string message)
    {
        var text = $"{category}: {message}";
        if (Captured.Value is { } list) lock (list) list.Add(text);
        else Console.Error.WriteLine(text);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
