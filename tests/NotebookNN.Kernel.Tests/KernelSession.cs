using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using NotebookNN.Runner;

namespace NotebookNN.Kernel.Tests;

/// <summary>
/// The released C# kernel in-process, as the runner hosts it (<see cref="NotebookNN.Runner.KernelHost"/>: Polyglot Notebooks' C# kernel,
/// package extensions loaded on <c>#r "nuget: ..."</c>), with FSharp.Core 10.0 loaded first as in the kernel, whose F#
/// kernel always has it, and the test host's own assembly binding taken away (<see cref="TestHostBinding"/>).
/// </summary>
public sealed class KernelSession : IDisposable
{
    private KernelSession(CompositeKernel kernel) => Kernel = kernel;

    public CompositeKernel Kernel { get; }

    public static async Task<KernelSession> StartAsync()
    {
        TestHostBinding.Remove();
        _ = typeof(Microsoft.FSharp.Core.Unit).Assembly;
        return new(await NotebookNN.Runner.KernelHost.CreateAsync());
    }

    /// <summary>Runs one cell and returns every event the kernel published while it ran (<see cref="NotebookNN.Runner.KernelHost.SubmitAsync"/>).</summary>
    public Task<IReadOnlyList<KernelEvent>> SubmitAsync(string code) => Kernel.SubmitAsync(code);

    public void Dispose() => Kernel.Dispose();
}
