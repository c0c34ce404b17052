using System.Reflection;
using System.Runtime.Loader;

namespace NotebookNN.Kernel.Tests;

/// <summary>
/// The test host (vstest) answers every failed assembly load in the default context with any file of that simple
/// name in the test folder, whatever its version: under it, Plotly.NET's request for FSharp.Core 10.1 gets 10.0 and
/// the kernel's most visible fault (every chart failing) cannot show. The kernel process has no such handler, so the
/// kernel tests take it away before building a kernel.
/// </summary>
internal static class TestHostBinding
{
    private static int _removed;

    public static void Remove()
    {
        if (Interlocked.Exchange(ref _removed, 1) != 0) return;
        var field = typeof(AssemblyLoadContext).GetField("_resolving", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("AssemblyLoadContext has no _resolving field in this runtime: check how the test host binds assemblies.");
        if (field.GetValue(AssemblyLoadContext.Default) is not Delegate handlers) return;
        foreach (var handler in handlers.GetInvocationList())
            if (handler.Method.DeclaringType?.Namespace?.StartsWith("Microsoft.VisualStudio.TestPlatform", StringComparison.Ordinal) == true)
                AssemblyLoadContext.Default.Resolving -= (Func<AssemblyLoadContext, AssemblyName, Assembly?>)handler;
    }
}
