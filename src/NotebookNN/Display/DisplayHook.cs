namespace NotebookNN.Display;

/// <summary>
/// The seam through which NotebookNN shows live output in a notebook. The package's <c>extension.dib</c> sets
/// <see cref="Display"/> to the kernel's <c>display(value)</c>, returning the handle's <c>Update</c>, and
/// <see cref="Cancellation"/> to the running cell's cancellation token; without them (console, tests) live displays
/// fall back to text and nothing is cancelled.
/// </summary>
public static class DisplayHook
{
    /// <summary>Shows a value (the kernel formats it as <c>text/html</c> and <c>text/plain</c> through the formatters of
    /// its type) and returns a function that replaces it in place (same display id). Null outside a notebook.</summary>
    public static Func<object, Action<object>>? Display { get; set; }

    /// <summary>The cancellation token of the running notebook cell (the kernel's
    /// <c>KernelInvocationContext.CancellationToken</c>), read when Fit, Evaluate, Predict or a tuner search starts and
    /// checked between steps: the notebook's stop button then ends the call with a <see cref="Models.KeyboardInterruptException"/>.
    /// Null outside a notebook.</summary>
    public static Func<CancellationToken>? Cancellation { get; set; }
}
