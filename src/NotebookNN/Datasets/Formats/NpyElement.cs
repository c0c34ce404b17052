using System.Buffers.Binary;

namespace NotebookNN.Datasets.Formats;

/// <summary>Reads element i of a raw numpy buffer as a double, for the dtypes numpy writes in dataset files.</summary>
internal static class NpyElement
{
    internal delegate double Reader(byte[] raw, int index);

    /// <summary>Bytes per element of a numeric descriptor; throws for a dtype that is not read.</summary>
    public static int ItemSize(string descr) => descr.Length >= 3 && int.TryParse(descr.AsSpan(2), out var n) && Supported(descr)
        ? n
        : throw Unsupported(descr);

    public static Reader For(string descr)
    {
        if (!Supported(descr)) throw Unsupported(descr);
        return descr[1..] switch
        {
            "u1" => (b, i) => b[i],
            "i1" => (b, i) => (sbyte)b[i],
            "b1" => (b, i) => b[i] != 0 ? 1 : 0,
            "u2" => (b, i) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(2 * i)),
            "i2" => (b, i) => BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(2 * i)),
            "u4" => (b, i) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(4 * i)),
            "i4" => (b, i) => BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(4 * i)),
            "i8" => (b, i) => BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(8 * i)),
            "u8" => (b, i) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(8 * i)),
            "f4" => (b, i) => BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(4 * i)),
            _ => (b, i) => BinaryPrimitives.ReadDoubleLittleEndian(b.AsSpan(8 * i)),
        };
    }

    private static bool Supported(string descr) =>
        descr.Length == 3 && (descr[0] == '<' || (descr[0] == '|' && descr[2] == '1')) &&
        descr[1..] is "u1" or "i1" or "b1" or "u2" or "i2" or "u4" or "i4" or "u8" or "i8" or "f4" or "f8";

    private static InvalidDataException Unsupported(string descr) =>
        new($"Unsupported numpy dtype '{descr}'. Expected one of |u1 |i1 |b1 <u2 <i2 <u4 <i4 <u8 <i8 <f4 <f8 or |O (object).");
}
