using System.Text;
using NotebookNN.Text;

namespace NotebookNN.Tensors;

/// <summary>
/// numpy's <c>repr</c> of a float32 array: <c>array([12.,  3.,  6.], dtype=float32)</c>. Follows numpy's
/// <c>_formatArray</c>: nested brackets with a hanging indent, rows wrapped at 75 characters, blank lines
/// between blocks of 3-D and higher, and arrays of more than 1000 elements summarised with <c>...</c> keeping
/// 3 items at each edge of every axis (the number format is then chosen from the shown items only).
/// </summary>
internal static class ArrayRepr
{
    private const int LineWidth = 75, Threshold = 1000, EdgeItems = 3;
    private const string Prefix = "array(", DType = "dtype=float32)", Separator = ", ";

    public static string Repr(Tensor t)
    {
        string body;
        if (t.Size == 0) body = t.Dims is [0] ? "[]" : $"[], shape={t.Shape}";
        else
        {
            bool summarise = t.Size > Threshold;
            var format = new NumpyFloatFormat(Shown(t, summarise));
            var r = new Recurser(t, format, summarise);
            // numpy reserves one column for the "," that follows the array before the dtype
            body = r.Format(0, t.Offset, new string(' ', Prefix.Length + 1), LineWidth - 1);
        }
        string text = Prefix + body + ",";
        int lastLine = text.Length - (text.LastIndexOf('\n') + 1);
        string spacer = lastLine + DType.Length + 1 > LineWidth ? "\n" + new string(' ', Prefix.Length) : " ";
        return text + spacer + DType;
    }

    /// <summary>Positions printed along an axis of length n.</summary>
    private static IEnumerable<int> Positions(int n, bool summarise) =>
        summarise && n > 2 * EdgeItems ? [.. Enumerable.Range(0, EdgeItems), .. Enumerable.Range(n - EdgeItems, EdgeItems)] : Enumerable.Range(0, n);

    private static IEnumerable<float> Shown(Tensor t, bool summarise)
    {
        IEnumerable<int> offsets = [t.Offset];
        for (int a = 0; a < t.Dims.Length; a++)
        {
            int axis = a;
            offsets = offsets.SelectMany(o => Positions(t.Dims[axis], summarise).Select(i => o + i * t.Strides[axis])).ToList();
        }
        return offsets.Select(o => t.Data[o]).ToList();
    }

    private readonly struct Recurser(Tensor t, NumpyFloatFormat format, bool summarise)
    {
        public string Format(int axis, int offset, string hanging, int width)
        {
            if (axis == t.Dims.Length) return format.Format(t.Data[offset]);
            string nextHanging = hanging + " ";
            int n = t.Dims[axis], stride = t.Strides[axis], axesLeft = t.Dims.Length - axis;
            bool summary = summarise && 2 * EdgeItems < n;
            int leading = summary ? EdgeItems : 0, trailing = summary ? EdgeItems : n;
            var s = new StringBuilder();
            if (axesLeft == 1)
            {
                int elemWidth = width - 1; // room for the "," or "]" after an element
                string line = hanging;
                for (int i = 0; i < leading; i++)
                    line = Extend(s, line, Format(axis + 1, offset + i * stride, nextHanging, width - 1), elemWidth, hanging) + Separator;
                if (summary) line = Extend(s, line, "...", elemWidth, hanging) + Separator;
                for (int i = trailing; i > 1; i--)
                    line = Extend(s, line, Format(axis + 1, offset + (n - i) * stride, nextHanging, width - 1), elemWidth, hanging) + Separator;
                s.Append(Extend(s, line, Format(axis + 1, offset + (n - 1) * stride, nextHanging, width - 1), elemWidth, hanging));
            }
            else
            {
                string lineSep = "," + new string('\n', axesLeft - 1);
                for (int i = 0; i < leading; i++)
                    s.Append(hanging).Append(Format(axis + 1, offset + i * stride, nextHanging, width - 1)).Append(lineSep);
                if (summary) s.Append(hanging).Append("...").Append(lineSep);
                for (int i = trailing; i > 1; i--)
                    s.Append(hanging).Append(Format(axis + 1, offset + (n - i) * stride, nextHanging, width - 1)).Append(lineSep);
                s.Append(hanging).Append(Format(axis + 1, offset + (n - 1) * stride, nextHanging, width - 1));
            }
            return "[" + s.ToString(hanging.Length, s.Length - hanging.Length) + "]";
        }

        /// <summary>Appends <paramref name="word"/> to the line, first moving to a new line when it would pass the width.</summary>
        private static string Extend(StringBuilder s, string line, string word, int width, string hanging)
        {
            if (line.Length + word.Length > width && line.Length > hanging.Length)
            {
                s.Append(line.TrimEnd()).Append('\n');
                line = hanging;
            }
            return line + word;
        }
    }
}
