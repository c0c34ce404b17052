using System.Buffers.Binary;
using System.Text;

namespace NotebookNN.Datasets.Formats;

/// <summary>
/// A deliberately small pickle reader for the data files NotebookNN loads: numpy object arrays of int lists (the
/// pickles inside imdb.npz / reuters.npz, protocol 2–4) and CIFAR's Python batches (dicts of bytes, lists, arrays).
/// Only numpy's <c>_reconstruct</c>, <c>ndarray</c>, <c>dtype</c>, <c>scalar</c> and <c>_codecs.encode</c> may be
/// called; any other global is refused, so a file cannot run code.
/// </summary>
internal static class PickleReader
{
    private static readonly object Mark = new();

    /// <summary>Unpickles the payload of an object <c>.npy</c> and returns its elements (flattened).</summary>
    public static List<object?> LoadObjectArray(byte[] data)
    {
        var root = Load(data);
        if (root is not PyNdarray { Objects: { } objects })
            throw new InvalidDataException($"Expected a pickled numpy object array; received {Describe(root)}.");
        return objects;
    }

    /// <summary>Runs the pickle program and returns its result.</summary>
    public static object? Load(byte[] data)
    {
        var stack = new List<object?>();
        var memo = new Dictionary<long, object?>();
        int pos = 0;
        try
        {
            while (true)
            {
                if (pos >= data.Length) throw new InvalidDataException("The pickle is truncated (no STOP opcode).");
                byte op = data[pos++];
                switch (op)
                {
                    case 0x80: pos++; break;                                   // PROTO
                    case 0x95: pos += 8; break;                                // FRAME
                    case (byte)'.': return stack.Count == 1 ? stack[0] : throw new InvalidDataException("Malformed pickle: STOP with a stack that is not one value.");
                    case (byte)'(': stack.Add(Mark); break;
                    case (byte)'N': stack.Add(null); break;
                    case 0x88: stack.Add(true); break;
                    case 0x89: stack.Add(false); break;
                    case (byte)'K': stack.Add((long)data[pos]); pos += 1; break;
                    case (byte)'M': stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(pos))); pos += 2; break;
                    case (byte)'J': stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(pos))); pos += 4; break;
                    case 0x8a: stack.Add(ReadLong(data, ref pos)); break;      // LONG1
                    case (byte)'X': stack.Add(Encoding.UTF8.GetString(Bytes(data, ref pos, ReadU32(data, ref pos)))); break;
                    case 0x8c: stack.Add(Encoding.UTF8.GetString(Bytes(data, ref pos, data[pos++]))); break;
                    case (byte)'B': case (byte)'T': stack.Add(Bytes(data, ref pos, ReadU32(data, ref pos))); break;
                    case (byte)'C': case (byte)'U': stack.Add(Bytes(data, ref pos, data[pos++])); break;
                    case (byte)'c': stack.Add(new PyGlobal(ReadLine(data, ref pos), ReadLine(data, ref pos))); break;
                    case 0x93: { var name = Pop(stack); var module = Pop(stack); stack.Add(new PyGlobal((string)module!, (string)name!)); break; }
                    case (byte)'q': memo[data[pos++]] = Top(stack); break;
                    case (byte)'r': memo[ReadU32(data, ref pos)] = Top(stack); break;
                    case 0x94: memo[memo.Count] = Top(stack); break;           // MEMOIZE
                    case (byte)'h': stack.Add(Memo(memo, data[pos++])); break;
                    case (byte)'j': stack.Add(Memo(memo, ReadU32(data, ref pos))); break;
                    case (byte)')': stack.Add(Array.Empty<object?>()); break;
                    case 0x85: stack.Add(PopN(stack, 1)); break;
                    case 0x86: stack.Add(PopN(stack, 2)); break;
                    case 0x87: stack.Add(PopN(stack, 3)); break;
                    case (byte)'t': stack.Add(PopMark(stack).ToArray()); break;
                    case (byte)']': stack.Add(new List<object?>()); break;
                    case (byte)'a': { var v = Pop(stack); AsList(Top(stack)).Add(v); break; }
                    case (byte)'e': { var items = PopMark(stack); AsList(Top(stack)).AddRange(items); break; }
                    case (byte)'}': stack.Add(new PyDict()); break;
                    case (byte)'s': { var v = Pop(stack); var k = Pop(stack); AsDict(Top(stack)).Items.Add(new(k, v)); break; }
                    case (byte)'u':
                    {
                        var items = PopMark(stack);
                        var dict = AsDict(Top(stack));
                        for (int i = 0; i + 1 < items.Count; i += 2) dict.Items.Add(new(items[i], items[i + 1]));
                        break;
                    }
                    case (byte)'R': { var args = Pop(stack); var fn = Pop(stack); stack.Add(Call(fn, args)); break; }
                    case (byte)'b': { var state = Pop(stack); Build(Top(stack), state); break; }
                    default:
                        throw new InvalidDataException($"Unsupported pickle opcode 0x{op:x2} at byte {pos - 1}: only numpy arrays of int lists and CIFAR batches are read.");
                }
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or InvalidCastException)
        {
            throw new InvalidDataException($"The pickle is truncated or corrupted near byte {pos}.", e);
        }
    }

    private static object? Call(object? fn, object? args)
    {
        var a = args as object?[] ?? throw new InvalidDataException("Malformed pickle: REDUCE arguments are not a tuple.");
        if (fn is PyGlobal g)
        {
            if (g.Is("_reconstruct")) return new PyNdarray();
            if (g.Is("dtype") && a.Length >= 1 && Text(a[0]) is { } code) return new PyDtype(code);
            if (g.Is("scalar") && a.Length == 2 && a[0] is PyDtype dt && a[1] is byte[] raw)
            {
                double value = NpyElement.For(dt.Descr)(raw, 0);
                return dt.Code[0] is 'i' or 'u' ? (object)(long)value : value;
            }
            if (g.Module == "_codecs" && g.Name == "encode" && a.Length == 2 && a[0] is string text)
                return Encoding.Latin1.GetBytes(text);
        }
        throw new InvalidDataException($"Refusing to call {Describe(fn)} from a pickle: only numpy arrays of int lists and CIFAR batches are read.");
    }

    private static void Build(object? target, object? state)
    {
        var s = state as object?[];
        switch (target)
        {
            case PyDtype dt when s is { Length: >= 2 } && Text(s[1]) is { Length: > 0 } order:
                dt.ByteOrder = order[0];
                return;
            case PyNdarray arr when s is { Length: 5 } && s[1] is object?[] shape && s[2] is PyDtype dtype:
                arr.Shape = shape.Select(d => d is long n and >= 0 and <= int.MaxValue ? (int)n
                    : throw new InvalidDataException($"Malformed pickled ndarray shape: a dimension is {Describe(d)}, expected an int from 0 to {int.MaxValue}.")).ToArray();
                NpyReader.Count(arr.Shape);
                arr.Dtype = dtype;
                if (s[4] is List<object?> objects) arr.Objects = objects;
                else if (s[4] is byte[] raw) arr.Raw = raw;
                else if (s[4] is string text) arr.Raw = Encoding.Latin1.GetBytes(text);
                else throw new InvalidDataException($"Malformed pickled ndarray data: {Describe(s[4])}.");
                return;
        }
        throw new InvalidDataException($"Unsupported pickle BUILD of {Describe(target)}.");
    }

    /// <summary>A str, or a Python 2 str read as bytes, as text; null for anything else.</summary>
    private static string? Text(object? v) => v switch { string s => s, byte[] b => Encoding.Latin1.GetString(b), _ => null };

    /// <summary>A short description of an unpickled value, for error messages.</summary>
    public static string Describe(object? v) => v switch
    {
        null => "None",
        long l => $"int {l}",
        string s => $"str '{s}'",
        byte[] b => $"bytes of length {b.Length}",
        List<object?> l => $"list of {l.Count}",
        object?[] t => $"tuple of {t.Length}",
        PyGlobal g => g.ToString(),
        _ => v.GetType().Name,
    };

    private static object? Pop(List<object?> s) { var v = s[^1]; s.RemoveAt(s.Count - 1); return v; }
    private static object? Top(List<object?> s) => s[^1];
    private static object?[] PopN(List<object?> s, int n) { var r = s.GetRange(s.Count - n, n).ToArray(); s.RemoveRange(s.Count - n, n); return r; }

    private static List<object?> PopMark(List<object?> s)
    {
        int m = s.LastIndexOf(Mark);
        if (m < 0) throw new InvalidDataException("Malformed pickle: no MARK on the stack.");
        var items = s.GetRange(m + 1, s.Count - m - 1);
        s.RemoveRange(m, s.Count - m);
        return items;
    }

    private static List<object?> AsList(object? v) => v as List<object?> ?? throw new InvalidDataException($"Malformed pickle: append to {Describe(v)}.");
    private static PyDict AsDict(object? v) => v as PyDict ?? throw new InvalidDataException($"Malformed pickle: set item on {Describe(v)}.");
    private static object? Memo(Dictionary<long, object?> memo, long key) =>
        memo.TryGetValue(key, out var v) ? v : throw new InvalidDataException($"Malformed pickle: memo {key} was never stored.");

    private static long ReadU32(byte[] d, ref int pos) { long v = BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(pos)); pos += 4; return v; }

    private static byte[] Bytes(byte[] d, ref int pos, long n)
    {
        if (pos + n > d.Length) throw new InvalidDataException($"The pickle is truncated: a {n}-byte string at byte {pos} runs past the end ({d.Length} bytes).");
        var r = d.AsSpan(pos, (int)n).ToArray();
        pos += (int)n;
        return r;
    }

    private static long ReadLong(byte[] d, ref int pos)
    {
        int n = d[pos++];
        if (n > 8) throw new InvalidDataException($"Unsupported pickle integer of {n} bytes (more than 64 bits).");
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | d[pos + i];
        if (n is > 0 and < 8 && (d[pos + n - 1] & 0x80) != 0) v -= 1L << (8 * n);
        pos += n;
        return v;
    }

    private static string ReadLine(byte[] d, ref int pos)
    {
        int end = Array.IndexOf(d, (byte)'\n', pos);
        if (end < 0) throw new InvalidDataException("The pickle is truncated inside a GLOBAL name.");
        var s = Encoding.ASCII.GetString(d, pos, end - pos);
        pos = end + 1;
        return s;
    }
}
