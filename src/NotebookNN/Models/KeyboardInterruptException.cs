namespace NotebookNN.Models;

/// <summary>
/// Thrown when the notebook's stop button cancels a running Fit, Evaluate, Predict or tuner search (the cell's
/// cancellation token, passed through <see cref="Display.DisplayHook.Cancellation"/>), as Python raises
/// <c>KeyboardInterrupt</c> when a Jupyter cell is interrupted. The call stops between two steps, so no update is half
/// applied: the model keeps the weights (and the optimizer its state) of the last finished step and can be fitted again.
/// </summary>
public sealed class KeyboardInterruptException : OperationCanceledException
{
    /// <summary>An interrupt with <paramref name="message"/>, for the cancelled <paramref name="token"/>.</summary>
    public KeyboardInterruptException(string message, CancellationToken token) : base(message, token) { }

    /// <summary>An interrupt caused by <paramref name="inner"/> (e.g. a cancelled validation inside a Fit).</summary>
    public KeyboardInterruptException(string message, Exception? inner, CancellationToken token) : base(message, inner, token) { }

    /// <summary>A Fit stopped after <paramref name="step"/> of <paramref name="steps"/> steps of epoch index <paramref name="epoch"/>.</summary>
    internal static KeyboardInterruptException Training(int epoch, int epochs, int step, int steps, bool validating, Exception? inner, CancellationToken token) =>
        new(Invariant($"KeyboardInterrupt: training stopped by the notebook at epoch {epoch + 1}/{epochs}, step {step}/{steps}")
            + (validating ? " (during validation)" : "") + "; the model keeps the weights of the last finished step.", inner, token);

    /// <summary>An evaluation or prediction stopped after <paramref name="step"/> of <paramref name="steps"/> steps.</summary>
    internal static KeyboardInterruptException Stopped(string what, int step, int steps, CancellationToken token) =>
        new(Invariant($"KeyboardInterrupt: {what} stopped by the notebook at step {step}/{steps}; nothing was returned."), token);

    /// <summary>A tuner search stopped between trials, <paramref name="done"/> of them finished.</summary>
    internal static KeyboardInterruptException Search(int done, CancellationToken token) =>
        new(Invariant($"KeyboardInterrupt: search stopped by the notebook after {done} finished trial{(done == 1 ? "" : "s")}; they are kept in the tuner's results."), token);
}
