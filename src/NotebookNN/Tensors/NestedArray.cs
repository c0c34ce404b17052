using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NotebookNN.Tensors;

/// <summary>
/// The shape and float32 values of a .NET array of numbers as numpy's <c>np.array</c> reads a nested list: a
/// rectangular array (<c>int[,]</c>) or a jagged one (<c>new[] { new[] { 1, 2 }, new[] { 3, 4 } }</c>), of any
/// numeric element type, in row-major order.
/// </summary>
internal static class NestedArray
{
    public static (int[] Dims, float[] Data) Read(Array values)
    {
        var dims = new List<int>();
        for (Array? a = values; a is not null; a = a.Length > 0 && a.Rank == 1 ? a.GetValue(0) as Array : null)
        {
            for (int r = 0; r < a.Rank; r++) dims.Add(a.GetLength(r));
            if (!a.GetType().GetElementType()!.IsArray) break;
        }
        var data = new float[Shape.SizeOf(CollectionsMarshal.AsSpan(dims))];
        int[] shape = [.. dims];
        Copy(values, shape, 0, 0, data);
        return (shape, data);
    }

    /// <summary>Copies <paramref name="a"/>, expected to have the dimensions of <paramref name="dims"/> from
    /// <paramref name="level"/> on, into <paramref name="data"/> from <paramref name="at"/>; returns the position after it.</summary>
    private static int Copy(Array a, int[] dims, int level, int at, float[] data)
    {
        var element = a.GetType().GetElementType()!;
        if (element.IsArray)
        {
            if (a.Rank != 1) throw Unsupported(a.GetType());
            if (level == dims.Length || a.Length != dims[level]) throw Inhomogeneous(dims, level);
            foreach (var item in a)
            {
                if (item is not Array inner) throw Inhomogeneous(dims, level + 1);
                at = Copy(inner, dims, level + 1, at, data);
            }
            return at;
        }
        if (a.Rank != dims.Length - level) throw Inhomogeneous(dims, level);
        for (int r = 0; r < a.Rank; r++) if (a.GetLength(r) != dims[level + r]) throw Inhomogeneous(dims, level + r);
        var dst = data.AsSpan(at, a.Length);
        if (element == typeof(float)) Convert(Elements<float>(a), dst);
        else if (element == typeof(double)) Convert(Elements<double>(a), dst);
        else if (element == typeof(int)) Convert(Elements<int>(a), dst);
        else if (element == typeof(long)) Convert(Elements<long>(a), dst);
        else if (element == typeof(short)) Convert(Elements<short>(a), dst);
        else if (element == typeof(byte)) Convert(Elements<byte>(a), dst);
        else if (element == typeof(sbyte)) Convert(Elements<sbyte>(a), dst);
        else if (element == typeof(uint)) Convert(Elements<uint>(a), dst);
        else if (element == typeof(ushort)) Convert(Elements<ushort>(a), dst);
        else throw Unsupported(a.GetType());
        return at + a.Length;
    }

    private static ReadOnlySpan<T> Elements<T>(Array a) where T : unmanaged =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(a)), a.Length);

    private static void Convert<T>(ReadOnlySpan<T> src, Span<float> dst) where T : INumberBase<T>
    {
        for (int i = 0; i < src.Length; i++) dst[i] = float.CreateTruncating(src[i]);
    }

    // numpy's message for np.array of a ragged nested list
    private static ArgumentException Inhomogeneous(int[] dims, int level) => new(
        $"setting an array element with a sequence. The requested array has an inhomogeneous shape after {level} dimensions. "
        + $"The detected shape was {Shape.Format(dims.AsSpan(0, level))} + inhomogeneous part. Every row must have the same length "
        + "(a tensor is rectangular); pad ragged sequences first, e.g. with Utils.PadSequences.");

    private static ArgumentException Unsupported(Type type) => new(
        $"Tensor.From expects an array of numbers (float, double, int, long, short, byte, ...), rectangular or jagged. Received: {type.Name}. "
        + "NotebookNN tensors hold float32 values.");
}
