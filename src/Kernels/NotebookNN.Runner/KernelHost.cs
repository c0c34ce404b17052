using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookNN.Runner;

/// <summary>
/// The released .NET Interactive kernel, in-process, built as Polyglot Notebooks builds its C# kernel: a
/// <see cref="CompositeKernel"/> holding <c>new CSharpKernel()</c> with <c>#r</c>/<c>#i "nuget: ..."</c>, the kernel helpers
/// (a bare <c>display(...)</c>), <c>#!who</c> and value sharing, HTML as the default MIME type, and package extensions
/// loaded on <c>#r "nuget: ..."</c> (<see cref="PackageExtensions"/>). For tests: <c>var kernel = await KernelHost.CreateAsync(sources)</c>,
/// then <c>await kernel.SubmitAsync(code)</c> returns the submission's events.
/// </summary>
public static class KernelHost
{
    /// <summary>The C# kernel's name, as notebooks' cell metadata and <c>#!csharp</c> name it.</summary>
    public const string CSharp = "csharp";

    /// <summary>
    /// A new kernel; each folder of <paramref name="packageSources"/> (holding .nupkg files) is added as
    /// <c>#i "nuget: folder"</c>, so notebooks' <c>#r "nuget: Id"</c> restore from it. Packages found there replace a
    /// stale copy of the same id and version in the NuGet cache (<see cref="PackageCache"/>).
    /// </summary>
    public static async Task<CompositeKernel> CreateAsync(IEnumerable<string>? packageSources = null)
    {
        UseNotebookFormatting();
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, resolved) =>
            {
                kernel.AddAssemblyReferences(resolved.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel();
        composite.Add(csharp, ["c#", "C#"]);
        composite.DefaultKernelName = CSharp;
        composite.UseImportMagicCommand();
        PackageExtensions.LoadOnPackageAdded(composite);
        foreach (var source in packageSources ?? [])
        {
            string folder = Path.GetFullPath(source);
            PackageCache.EvictStale(folder);
            var result = await composite.SendAsync(new SubmitCode($"#i \"nuget: {folder}\""));
            if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            {
                composite.Dispose();
                throw new KernelStartException($"The package source '{folder}' was refused by the kernel: {failed.Message}");
            }
        }
        return composite;
    }

    /// <summary>
    /// Runs one submission (as a notebook cell) and returns every event the kernel published while it ran, in order, as a
    /// notebook front end sees them (a package's extension, loaded after the <c>#r</c> that added it, publishes after
    /// that command's own result is complete).
    /// </summary>
    public static async Task<IReadOnlyList<KernelEvent>> SubmitAsync(this Kernel kernel, string code, string? kernelName = null)
    {
        var events = new List<KernelEvent>();
        using (kernel.KernelEvents.Subscribe(e => { lock (events) events.Add(e); }))
            await kernel.SendAsync(new SubmitCode(code, kernelName));
        lock (events) return [.. events];
    }

    /// <summary>As dotnet-interactive sets formatting up for notebook front ends: HTML by default, strings as plain text.</summary>
    private static void UseNotebookFormatting()
    {
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
    }
}

/// <summary>The kernel could not be set up as asked (a package source it refused).</summary>
public sealed class KernelStartException(string message) : Exception(message);
