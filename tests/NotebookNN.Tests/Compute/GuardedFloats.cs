using System.Runtime.InteropServices;

namespace NotebookNN.Tests.Compute;

/// <summary>
/// A float buffer whose last element ends a readable page, with an unreadable page right after it (Linux mmap): a
/// kernel that loads past the buffer's end crashes the test run instead of reading garbage.
/// </summary>
internal sealed unsafe class GuardedFloats : IDisposable
{
    [DllImport("libc", SetLastError = true)] private static extern nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);
    [DllImport("libc", SetLastError = true)] private static extern int mprotect(nint addr, nuint length, int prot);
    [DllImport("libc", SetLastError = true)] private static extern int munmap(nint addr, nuint length);

    private const int ProtNone = 0, ProtReadWrite = 3, MapPrivateAnonymous = 0x22;
    private readonly nint _region;
    private readonly nuint _bytes, _page;
    private readonly int _length;

    public GuardedFloats(int length)
    {
        _length = length;
        _page = (nuint)Environment.SystemPageSize;
        _bytes = ((nuint)length * 4 + _page - 1) / _page * _page;
        _region = mmap(0, _bytes + _page, ProtReadWrite, MapPrivateAnonymous, -1, 0);
        Assert.NotEqual(-1, _region);
        Assert.Equal(0, mprotect(_region + (nint)_bytes, _page, ProtNone));
    }

    /// <summary>The buffer: it ends exactly at the guard page.</summary>
    public Span<float> Span => new((float*)(_region + (nint)_bytes) - _length, _length);

    public void Dispose() => munmap(_region, _bytes + _page);
}
