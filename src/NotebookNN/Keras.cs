using System.Reflection;
using NotebookNN.Layers;

namespace NotebookNN;

/// <summary>Process-wide Keras state (keras.backend / keras.utils functions).</summary>
public static partial class Keras
{
    /// <summary>Resets automatic layer and model names (<c>dense</c>, <c>dense_1</c>, …), like <c>keras.backend.clear_session()</c>.</summary>
    public static void ClearSession() => LayerNames.Reset();

    /// <summary>The package's version, e.g. <c>0.1.0</c> (what the tutorials print as <c>tf.__version__</c> or
    /// <c>keras.__version__</c>).</summary>
    public static string Version { get; } = PackageVersion();

    private static string PackageVersion()
    {
        var assembly = typeof(Keras).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // the SDK appends "+<commit>" (source revision) to the informational version; the package's version is before it
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
