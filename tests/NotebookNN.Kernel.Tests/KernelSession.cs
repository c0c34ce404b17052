using System.Reactive.Linq;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookNN.Kernel.Tests;

/// <summary>
/// The released C# kernel in-process, built as dotnet-interactive builds Polyglot Notebooks' C# kernel: a
/// <see cref="CompositeKernel"/> with a <see cref="CSharpKernel"/> that takes <c>#r "nuget: ..."</c>, and, after each
/// command that added packages, each package's <c>interactive-extensions/dotnet</c> loaded: its compiled
/// <see cref="IKernelExtension"/>s, then its <c>extension.dib</c>. FSharp.Core 10.0 is loaded first, as the kernel's own
/// F# kernel has it loaded.
/// </summary>
public sealed class KernelSession : IDisposable
{
    private readonly List<string> _pendingExtensionFolders = [];

    public CompositeKernel Kernel { get; }

    public KernelSession()
    {
        TestHostBinding.Remove();
        _ = typeof(Microsoft.FSharp.Core.Unit).Assembly; // FSharp.Core 10.0, loaded before any package, as in the kernel
        var csharp = new CSharpKernel().UseNugetDirective((k, refs) =>
        {
            k.AddAssemblyReferences(refs.SelectMany(r => r.AssemblyPaths));
            return Task.CompletedTask;
        }).UseKernelHelpers();
        Kernel = new CompositeKernel { csharp };
        Kernel.DefaultKernelName = csharp.Name;
        Kernel.KernelEvents.OfType<PackageAdded>().Subscribe(added =>
        {
            string folder = Path.Combine(added.PackageReference.PackageRoot, "interactive-extensions", "dotnet");
            lock (_pendingExtensionFolders) if (Directory.Exists(folder)) _pendingExtensionFolders.Add(folder);
        });
        Kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            string[] folders;
            lock (_pendingExtensionFolders) { folders = [.. _pendingExtensionFolders]; _pendingExtensionFolders.Clear(); }
            foreach (var folder in folders) await LoadExtensionsAsync(folder, context);
        });
    }

    private async Task LoadExtensionsAsync(string folder, KernelInvocationContext context)
    {
        foreach (var dll in Directory.GetFiles(folder, "*.dll"))
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
            foreach (var type in assembly.ExportedTypes.Where(t => !t.IsAbstract && typeof(IKernelExtension).IsAssignableFrom(t)))
                await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(Kernel);
        }
        string dib = Path.Combine(folder, "extension.dib");
        if (File.Exists(dib)) await Kernel.LoadAndRunInteractiveDocument(new FileInfo(dib), context.Command);
    }

    /// <summary>
    /// Runs one cell and returns every event the kernel published while it ran, as a notebook front end sees them
    /// (extensions loaded after a <c>#r</c> publish after the command's own result is complete).
    /// </summary>
    public async Task<IReadOnlyList<KernelEvent>> SubmitAsync(string code)
    {
        var events = new List<KernelEvent>();
        using (Kernel.KernelEvents.Subscribe(e => { lock (events) events.Add(e); }))
            await Kernel.SendAsync(new SubmitCode(code));
        lock (events) return [.. events];
    }

    public void Dispose() => Kernel.Dispose();
}
