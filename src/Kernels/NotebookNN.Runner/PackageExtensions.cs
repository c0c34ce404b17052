using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace NotebookNN.Runner;

/// <summary>
/// Loads the extensions a NuGet package carries, as dotnet-interactive does: once per package added by
/// <c>#r "nuget: ..."</c>, when the submission that added it completes, from the package's
/// <c>interactive-extensions/dotnet</c> folder: first every <see cref="IKernelExtension"/> compiled into its DLLs, then
/// its <c>extension.dib</c>, run through the kernel. What they display goes to the cell that referenced the package.
/// </summary>
public static class PackageExtensions
{
    private const string ScriptName = "extension.dib";

    public static void LoadOnPackageAdded(CompositeKernel kernel)
    {
        var pending = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var loadedAssemblies = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var subscription = kernel.KernelEvents.Subscribe(e =>
        {
            if (e is PackageAdded { PackageReference.PackageRoot: { } root } && seen.TryAdd(root, true)) pending.Enqueue(root);
        });
        kernel.RegisterForDisposal(subscription);
        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            while (pending.TryDequeue(out var root))
            {
                var folder = new DirectoryInfo(Path.Combine(root, "interactive-extensions", "dotnet"));
                if (!folder.Exists) continue;
                foreach (var dll in folder.GetFiles("*.dll"))
                    await LoadCompiledAsync(kernel, dll.FullName, context, loadedAssemblies);
                var script = new FileInfo(Path.Combine(folder.FullName, ScriptName));
                if (!script.Exists) continue;
                KernelInvocationContextExtensions.Display(context, $"Loading extension script from `{script.FullName}`");
                await kernel.LoadAndRunInteractiveDocument(script, context.Command);
            }
        });
    }

    /// <summary>Creates and loads each public, instantiable <see cref="IKernelExtension"/> of one DLL (once per assembly name).</summary>
    private static async Task LoadCompiledAsync(Kernel kernel, string dll, KernelInvocationContext context, ConcurrentDictionary<string, bool> loaded)
    {
        if (!loaded.TryAdd(AssemblyName.GetAssemblyName(dll).FullName, true)) return;
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
        var types = assembly.ExportedTypes
            .Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .ToList();
        if (types.Count > 0) KernelInvocationContextExtensions.Display(context, $"Loading extensions from `{dll}`");
        foreach (var type in types)
        {
            try
            {
                var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                await extension.OnLoadAsync(kernel);
                context.Publish(new KernelExtensionLoaded(extension, context.Command));
            }
            catch (Exception e)
            {
                var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                context.Publish(new ErrorProduced($"Failed to load kernel extension \"{type.Name}\" from assembly {dll}", context.Command));
                context.Fail(context.Command, new KernelExtensionLoadException(cause));
            }
        }
    }
}
