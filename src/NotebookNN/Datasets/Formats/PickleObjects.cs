namespace NotebookNN.Datasets.Formats;

/// <summary>A <c>module.name</c> reference read by the pickle GLOBAL opcodes.</summary>
internal sealed record PyGlobal(string Module, string Name)
{
    public bool Is(string name) => Name == name && Module is "numpy" or "numpy.core.multiarray" or "numpy._core.multiarray";
    public override string ToString() => $"{Module}.{Name}";
}

/// <summary>A numpy dtype rebuilt from its pickle (<c>numpy.dtype('i8', False, True)</c> then BUILD with the byte order).</summary>
internal sealed class PyDtype(string code)
{
    public string Code { get; } = code;
    public char ByteOrder { get; set; } = '|';
    public string Descr => Code == "O8" ? "|O" : $"{(ByteOrder == '=' ? '<' : ByteOrder)}{Code}";
}

/// <summary>An ndarray rebuilt by <c>_reconstruct</c> then BUILD with (version, shape, dtype, fortran, data).</summary>
internal sealed class PyNdarray
{
    public int[] Shape { get; set; } = [0];
    public PyDtype? Dtype { get; set; }
    public byte[]? Raw { get; set; }
    public List<object?>? Objects { get; set; }
}

/// <summary>A Python dict, keys compared as Python would (bytes and str keys kept apart).</summary>
internal sealed class PyDict
{
    public List<KeyValuePair<object?, object?>> Items { get; } = [];

    /// <summary>Value of a str key or, for Python 2 pickles read as bytes, the same key as latin-1 bytes.</summary>
    public object? Get(string key)
    {
        foreach (var (k, v) in Items)
            if (k is string s && s == key || k is byte[] b && System.Text.Encoding.Latin1.GetString(b) == key) return v;
        throw new InvalidDataException($"The pickled dict has no key '{key}'. Keys: {string.Join(", ", Items.Select(kv => PickleReader.Describe(kv.Key)))}.");
    }
}
