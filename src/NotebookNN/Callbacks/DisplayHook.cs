namespace NotebookNN.Callbacks;

/// <summary>
/// The seam through which NotebookNN shows live output in a notebook. The package's <c>extension.dib</c> sets
/// <see cref="Display"/> to the kernel's <c>display(value)</c>, returning the handle's <c>Update</c>; without it
/// (console, tests) live displays fall back to text.
/// </summary>
public static class DisplayHook
{
    /// <summary>Shows a value (formatted by the kernel) and returns a function that replaces it in place.</summary>
    public static Func<object, Action<object>>? Display { get; set; }

    // The cancellation token of the running notebook cell (the kernel's KernelInvocationContext.CancellationToken).
    // Set by the extension; null outside a notebook.
    public static Func<CancellationToken>? Cancellation { get; set; }
}
