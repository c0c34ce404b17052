using Microsoft.DotNet.Interactive.Events;

namespace NotebookNN.Kernel.Tests;

/// <summary>Fit(verbose: 1) in the released kernel: one display, updated in place under its own id, in both MIME types.</summary>
[Collection(KernelCollection.Name)]
public class ProgressTests(TinyModelKernel kernel) : IClassFixture<TinyModelKernel>
{
    [Fact]
    public async Task Fit_shows_one_display_and_updates_it_under_the_same_id()
    {
        var events = await kernel.Loaded.RunAsync(Fixtures.SlowFit(epochs: 3));
        var shown = Assert.Single(events.OfType<DisplayedValueProduced>());
        var updates = events.OfType<DisplayedValueUpdated>().ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal(shown.ValueId, u.ValueId));
        Assert.All(updates.Cast<DisplayEvent>().Prepend(shown), e => { Cells.Value(e, "text/html"); Cells.Value(e, "text/plain"); });
        string final = Cells.Value(updates[^1], "text/plain");
        Assert.Contains("Epoch 3/3", final);
        Assert.Matches(@"loss: \d\.\d{4}", final);
    }

    [Fact]
    public async Task Fit_redraws_within_an_epoch()
    {
        var events = await kernel.Loaded.RunAsync(Fixtures.SlowFit(epochs: 1));
        // Step counts below the epoch's last step show the bar moving before the epoch ends.
        var steps = events.OfType<DisplayedValueUpdated>().Select(u => Cells.Value(u, "text/plain"))
            .Select(t => System.Text.RegularExpressions.Regex.Match(t, @"(\d+)/(\d+) ")).Where(m => m.Success && m.Groups[1].Value != m.Groups[2].Value).ToList();
        Assert.NotEmpty(steps);
    }
}
