namespace NotebookNN.Formatting;

/// <summary>
/// One convention-based formatter (what the kernel looks for: <see cref="MimeType"/>, <see cref="Type"/> and a
/// single <c>bool Format(object, TextWriter)</c>): writes values of <typeparamref name="T"/> as one MIME type.
/// </summary>
public sealed class NotebookFormatter<T>(string mimeType, Func<T, string> render) : INotebookFormatter
{
    /// <summary>The MIME type written, e.g. <c>text/html</c>.</summary>
    public string MimeType { get; } = mimeType;

    /// <summary>The type formatted.</summary>
    public Type Type => typeof(T);

    /// <summary>Writes <paramref name="instance"/>; false when it is not a <typeparamref name="T"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not T value) return false;
        writer.Write(render(value));
        return true;
    }
}

/// <summary>What the formatter source knows of each of its formatters.</summary>
public interface INotebookFormatter
{
    /// <summary>The MIME type written.</summary>
    string MimeType { get; }

    /// <summary>The type formatted.</summary>
    Type Type { get; }

    /// <summary>Writes <paramref name="instance"/>; false when it is not of <see cref="Type"/>.</summary>
    bool Format(object instance, TextWriter writer);
}
