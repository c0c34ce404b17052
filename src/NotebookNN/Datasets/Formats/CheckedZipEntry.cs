using System.IO.Compression;

namespace NotebookNN.Datasets.Formats;

/// <summary>
/// Reads a zip entry checking it against the archive's directory: .NET's <see cref="ZipArchive"/> checks neither the
/// CRC-32 nor the length of what it inflates, so a flipped bit in a stored entry (or one deflate still accepts) would
/// read as different data. The stream counts and hashes what passes through; at the end of the entry (a read that
/// returns 0) the length and CRC-32 must be the directory's, and it never yields more bytes than the directory
/// announces. Every zip entry the library reads (model archives, npz members) is opened through it.
/// </summary>
internal sealed class CheckedZipEntry : Stream
{
    /// <summary>The most a deflate stream inflates to per compressed byte (1032:1), with slack for a tiny entry.</summary>
    private const long MaxDeflateRatio = 1032;

    private readonly Stream _inner;
    private readonly ZipArchiveEntry _entry;
    private readonly string _file;
    private long _read;
    private uint _crc;
    private bool _verified;

    private CheckedZipEntry(ZipArchiveEntry entry, string file)
    {
        _entry = entry;
        _file = file;
        _inner = entry.Open();
    }

    /// <summary>Opens <paramref name="entry"/> of the archive <paramref name="file"/> (named in errors).</summary>
    public static CheckedZipEntry Open(ZipArchiveEntry entry, string file)
    {
        // The length in the directory is what readers size buffers by; one that compressed data cannot produce is damage.
        if (entry.Length < 0 || entry.Length > entry.CompressedLength * MaxDeflateRatio + 1024)
            throw Damaged(file, entry.FullName, Invariant($"it announces {entry.Length} bytes from {entry.CompressedLength} compressed ones"));
        return new CheckedZipEntry(entry, file);
    }

    /// <summary>The entry's length as the archive's directory gives it.</summary>
    public long DeclaredLength => _entry.Length;

    /// <summary>The damaged-file error for entry <paramref name="entry"/> of <paramref name="file"/>.</summary>
    public static InvalidDataException Damaged(string file, string entry, string what, Exception? inner = null) =>
        new($"File '{file}' is damaged: entry '{entry}' {what}.", inner);

    public InvalidDataException Damaged(string what, Exception? inner = null) => Damaged(_file, _entry.FullName, what, inner);

    public override int Read(Span<byte> buffer)
    {
        int n;
        try { n = _inner.Read(buffer); }
        catch (InvalidDataException e) { throw Damaged($"does not inflate ({e.Message})", e); }
        if (n == 0)
        {
            Verify();
            return 0;
        }
        _read += n;
        if (_read > _entry.Length) throw Damaged(Invariant($"holds more than the {_entry.Length} bytes the archive announces"));
        _crc = Crc32.Append(_crc, buffer[..n]);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Fills <paramref name="buffer"/> completely, or reports the entry as truncated.</summary>
    public void ReadExactly(Span<byte> buffer, string what)
    {
        while (buffer.Length > 0)
        {
            int n = Read(buffer);
            if (n == 0) throw Damaged(Invariant($"is truncated: it ends inside {what}"));
            buffer = buffer[n..];
        }
    }

    /// <summary>Reads to the end of the entry, requiring that nothing is left, so the length and CRC-32 are checked.</summary>
    public void ReadToEndExpectingNothing(string what)
    {
        Span<byte> one = stackalloc byte[1];
        if (Read(one) != 0) throw Damaged(Invariant($"holds more bytes after {what}"));
    }

    private void Verify()
    {
        if (_verified) return;
        if (_read != _entry.Length)
            throw Damaged(Invariant($"is truncated: {_read} of the {_entry.Length} bytes the archive announces"));
        if (_crc != _entry.Crc32)
            throw Damaged(Invariant($"does not match its CRC-32 (computed {_crc:x8}, the archive records {_entry.Crc32:x8})"));
        _verified = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
