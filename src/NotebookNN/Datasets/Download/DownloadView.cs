namespace NotebookNN.Datasets.Download;

/// <summary>
/// A download's progress in a notebook, as data: the address, Keras's bar (<c>1843200/11490434 [===&gt;....] 16%</c>,
/// empty before the first bytes) and the percentage when the size is known. The notebook formatter draws it as HTML;
/// <see cref="Text"/> is what Keras prints.
/// </summary>
/// <param name="Url">The address downloaded.</param>
/// <param name="Bar">Keras's bar text, or empty.</param>
/// <param name="Percent">Percent done, or null when the answer gave no size.</param>
public sealed partial record DownloadView(string Url, string Bar, int? Percent)
{
    /// <summary><c>Downloading data from &lt;url&gt;</c> and the bar under it.</summary>
    public string Text => $"Downloading data from {Url}" + (Bar.Length > 0 ? "\n" + Bar : "");

    /// <summary>The plain text.</summary>
    public override string ToString() => Text;
}
