namespace NotebookNN.Formatting;

/// <summary>
/// Names the formatter source of a type by .NET Interactive's convention: the kernel (and the
/// Microsoft.DotNet.Interactive.Formatting package) recognise an attribute with this name and a
/// <see cref="FormatterSourceType"/> property, so NotebookNN needs no reference to the kernel's packages.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>A type with a public parameterless constructor and a <c>CreateTypeFormatters()</c> method.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types the kernel should show, best first.</summary>
    public string[] PreferredMimeTypes { get; set; } = ["text/html", "text/plain"];
}
