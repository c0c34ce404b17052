using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookNN.Kernel.Tests;

/// <summary>What a cell's events show a notebook: failures with their messages, displays with their MIME types.</summary>
internal static class Cells
{
    public static void Succeeded(IReadOnlyList<KernelEvent> events)
    {
        var failures = events.OfType<CommandFailed>().Select(f => f.Message)
            .Concat(events.OfType<ErrorProduced>().Select(e => e.Message)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n---\n", failures));
        Assert.IsType<CommandSucceeded>(events[^1]);
    }

    public static IReadOnlyList<DisplayEvent> Displays(IReadOnlyList<KernelEvent> events) =>
        [.. events.OfType<DisplayEvent>().Where(e => e is DisplayedValueProduced or DisplayedValueUpdated or ReturnValueProduced)];

    public static string Value(DisplayEvent e, string mimeType) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == mimeType)?.Value
        ?? throw new Xunit.Sdk.XunitException($"no {mimeType} in a {e.GetType().Name} (has {string.Join(", ", e.FormattedValues.Select(v => v.MimeType))})");

    public static ReturnValueProduced Result(IReadOnlyList<KernelEvent> events) => Assert.Single(events.OfType<ReturnValueProduced>());
}
