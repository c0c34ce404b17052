using System.Globalization;
using NotebookNN.Text;

namespace NotebookNN.Display;

/// <summary>The small text pieces of Keras 2's progress bar (times, ETA, step counts; its numbers are <see cref="PythonText.ProgbarValue"/>).</summary>
internal static class ProgbarText
{
    /// <summary><c>" 3s/epoch"</c>, <c>" 2ms/step"</c> or <c>" 512us/step"</c> (Keras's <c>_format_time</c>).</summary>
    public static string FormatTime(double perUnit, string unitName) =>
        perUnit >= 1 || perUnit == 0 ? $" {PythonText.Fixed(perUnit, 0)}s/{unitName}"
        : perUnit >= 1e-3 ? $" {PythonText.Fixed(perUnit * 1000.0, 0)}ms/{unitName}"
        : $" {PythonText.Fixed(perUnit * 1000000.0, 0)}us/{unitName}";

    /// <summary><c>1:05:03</c> above an hour, <c>1:05</c> above a minute, else <c>5s</c> (whole seconds, truncated).</summary>
    public static string FormatEta(double eta)
    {
        var c = CultureInfo.InvariantCulture;
        if (eta > 3600)
            return string.Format(c, "{0}:{1:00}:{2:00}", (long)Math.Floor(eta / 3600), (long)Math.Floor(eta % 3600 / 60), (long)(eta % 60));
        if (eta > 60) return string.Format(c, "{0}:{1:00}", (long)Math.Floor(eta / 60), (long)(eta % 60));
        return ((long)eta).ToString(c) + "s";
    }

    /// <summary><c>"  5/1719"</c>: the current step right-aligned to the target's digit count.</summary>
    public static string Count(int current, int target) =>
        current.ToString(CultureInfo.InvariantCulture).PadLeft(target.ToString(CultureInfo.InvariantCulture).Length)
        + "/" + target.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>" 5/1719 [>.............................]"</c>: the count and a bar of <paramref name="width"/> cells.</summary>
    public static string Bar(int current, int target, int width = 30)
    {
        var bar = new System.Text.StringBuilder(Count(current, target)).Append(" [");
        int filled = (int)(width * ((double)current / target));
        if (filled > 0) bar.Append('=', filled - 1).Append(current < target ? '>' : '=');
        return bar.Append('.', Math.Max(width - filled, 0)).Append(']').ToString();
    }
}
