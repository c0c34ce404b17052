using System.Reflection;
using System.Runtime.Loader;

namespace NotebookNN.Plotting;

/// <summary>
/// Lets Plotly.NET run beside an older FSharp.Core of the same major version. Plotly.NET 6 is built against
/// FSharp.Core 10.1, while a host may already have loaded its own 10.0 (the .NET Interactive kernel does, for its F#
/// kernel); the runtime then refuses Plotly.NET's request for 10.1 and every chart fails with
/// <see cref="FileNotFoundException"/>. <see cref="Install"/> answers such a request, and only such a request (the
/// runtime asks only after its own binding failed), with the FSharp.Core already loaded.
/// </summary>
public static class FSharpCoreBinding
{
    private static int _installed;

    /// <summary>Hooks the default load context once; later calls do nothing.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0) AssemblyLoadContext.Default.Resolving += Resolve;
    }

    /// <summary>The loaded FSharp.Core when <paramref name="requested"/> is FSharp.Core of the same major version, else null.</summary>
    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName requested)
    {
        if (requested.Name != "FSharp.Core") return null;
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            var name = loaded.GetName();
            if (name.Name == "FSharp.Core" && (requested.Version is null || name.Version?.Major == requested.Version.Major)) return loaded;
        }
        return null;
    }
}
