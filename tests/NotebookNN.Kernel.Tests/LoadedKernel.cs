namespace NotebookNN.Kernel.Tests;

/// <summary>
/// One kernel with the packed NotebookNN referenced (a restore takes tens of seconds), shared by the tests of a class
/// that only add cells of their own; tests about loading itself build their own <see cref="KernelSession"/>.
/// </summary>
public sealed class LoadedKernel : IAsyncLifetime
{
    public KernelSession Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Session = await KernelSession.StartAsync();
        Cells.Succeeded(await Session.SubmitAsync(PackedPackage.Instance.ReferenceCell));
    }

    public Task DisposeAsync()
    {
        Session.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs a cell that must succeed and returns its events.</summary>
    public async Task<IReadOnlyList<Microsoft.DotNet.Interactive.Events.KernelEvent>> RunAsync(string code)
    {
        var events = await Session.SubmitAsync(code);
        Cells.Succeeded(events);
        return events;
    }
}

/// <summary>A loaded kernel in which <see cref="Fixtures.TinyModel"/> has run: <c>model</c>, <c>x</c>, <c>y</c>, <c>history</c>.</summary>
public sealed class TinyModelKernel : IAsyncLifetime
{
    public LoadedKernel Loaded { get; } = new();

    public async Task InitializeAsync()
    {
        await Loaded.InitializeAsync();
        await Loaded.RunAsync(Fixtures.TinyModel);
    }

    public Task DisposeAsync() => Loaded.DisposeAsync();
}
