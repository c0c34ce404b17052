using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace NotebookNN.Kernel.Tests;

/// <summary>The notebook's stop button (the kernel's Cancel command) while Fit runs.</summary>
[Collection(KernelCollection.Name)]
public class CancelTests
{
    [Fact]
    public async Task Cancel_stops_Fit_and_the_next_cell_runs_at_once_with_a_usable_model()
    {
        using var session = await KernelSession.StartAsync();
        Cells.Succeeded(await session.SubmitAsync(PackedPackage.Instance.ReferenceCell));
        Cells.Succeeded(await session.SubmitAsync(Fixtures.TinyModel));

        var firstDisplay = new TaskCompletionSource();
        using var watch = session.Kernel.KernelEvents.Subscribe(e => { if (e is DisplayedValueUpdated) firstDisplay.TrySetResult(); });
        var fit = session.SubmitAsync(Fixtures.SlowFit(epochs: 100)); // about 100 s if nothing stops it
        await firstDisplay.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await session.Kernel.SendAsync(new Cancel());
        var fitEvents = await fit.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(fitEvents, e => e is CommandFailed);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var next = await session.SubmitAsync("slow.Predict(xs[..4], verbose: 0).Shape.ToString()");
        Cells.Succeeded(next);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the next cell waited {clock.Elapsed.TotalSeconds:F1} s behind the cancelled Fit");
        Assert.Equal("(4, 10)", Cells.Value(Cells.Result(next), "text/plain"));
        // The display said so before the cell ended (Keras's KeyboardInterrupt).
        Assert.Contains(fitEvents.OfType<DisplayEvent>(), e => e.FormattedValues.Any(v => v.Value.Contains("KeyboardInterrupt")));
    }
}
