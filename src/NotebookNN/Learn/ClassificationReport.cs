using System.Text;
using NotebookNN.Text;

namespace NotebookNN.Learn;

/// <summary>One line of a <see cref="ClassificationReport"/>: a class or an average.</summary>
public sealed record ClassificationReportRow(string Name, double Precision, double Recall, double F1Score, int Support);

/// <summary>
/// scikit-learn's <c>classification_report</c>: per-class precision, recall, F1 and support, then accuracy and the
/// macro / weighted averages. <see cref="ToString"/> is scikit-learn's text to the character; in a notebook a table.
/// </summary>
public sealed partial class ClassificationReport
{
    internal ClassificationReport(IReadOnlyList<ClassificationReportRow> classes, double? accuracy, IReadOnlyList<ClassificationReportRow> averages, int digits)
    {
        Classes = classes; Accuracy = accuracy; Averages = averages; Digits = digits;
    }

    /// <summary>One row per label.</summary>
    public IReadOnlyList<ClassificationReportRow> Classes { get; }

    /// <summary>Accuracy, shown when every label seen is reported (else null and a micro average row is given).</summary>
    public double? Accuracy { get; }

    /// <summary>The average rows: micro avg (when no accuracy), macro avg, weighted avg.</summary>
    public IReadOnlyList<ClassificationReportRow> Averages { get; }

    /// <summary>Digits printed after the decimal point.</summary>
    public int Digits { get; }

    /// <summary>The report as scikit-learn prints it.</summary>
    public override string ToString()
    {
        int width = Math.Max(Classes.Max(r => r.Name.Length), Math.Max("weighted avg".Length, Digits));
        string F(double v) => PythonText.Fixed(v, Digits).PadLeft(9);
        var sb = new StringBuilder();
        sb.Append(new string(' ', width)).Append(' ');
        foreach (var h in new[] { "precision", "recall", "f1-score", "support" }) sb.Append(' ').Append(h.PadLeft(9));
        sb.Append("\n\n");
        void Row(ClassificationReportRow r) =>
            sb.Append(r.Name.PadLeft(width)).Append(' ').Append(' ').Append(F(r.Precision)).Append(' ').Append(F(r.Recall))
              .Append(' ').Append(F(r.F1Score)).Append(' ').Append(r.Support.ToString().PadLeft(9)).Append('\n');
        foreach (var r in Classes) Row(r);
        sb.Append('\n');
        int total = Classes.Sum(r => r.Support);
        if (Accuracy is { } acc)
            sb.Append("accuracy".PadLeft(width)).Append(' ').Append(' ').Append(new string(' ', 9)).Append(' ').Append(new string(' ', 9))
              .Append(' ').Append(F(acc)).Append(' ').Append(total.ToString().PadLeft(9)).Append('\n');
        foreach (var r in Averages) Row(r);
        return sb.ToString();
    }
}
