namespace NotebookNN.Formatting;

/// <summary>A piece of HTML with its plain-text fallback, shown as HTML in a notebook (used by live displays).</summary>
/// <param name="Html">The HTML.</param>
/// <param name="Text">What <c>text/plain</c> shows.</param>
[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed record HtmlFragment(string Html, string Text)
{
    /// <summary>The plain text.</summary>
    public override string ToString() => Text;
}
