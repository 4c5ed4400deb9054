using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace PlanAtlas.Model;

/// <summary>
/// The one place content hashes are made. Fingerprints and cache keys (pages, search files, cache records, analysis
/// memo keys) use one fast non-cryptographic function, XXH3 (128 bits for a fingerprint, 64 for a memo key): they are
/// only ever compared with hashes this build's code made, so the function may change with a cache format.
/// SHA-256 only where a contract names it: a plan file's bytes (<see cref="SourceDocument.ContentHash"/>, the
/// manifest's sha256 column that <c>fetch</c> writes and checks).
/// Not here, because their values decide results rather than name content: sampling and
/// hash tables (Analyze's Hash64), the reuse detector's shingle and band hashes, the search index's shard keys (the
/// browser computes them too) and name-based UUIDs (SHA-1 by RFC 9562).
/// </summary>
public static class ContentHash
{
    /// <summary>SHA-256 of <paramref name="bytes"/>, lower-case hex: a plan file's hash as the manifest records it.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The 128-bit fingerprint of <paramref name="bytes"/>.</summary>
    public static UInt128 Of(ReadOnlySpan<byte> bytes) => XxHash128.HashToUInt128(bytes);

    /// <summary>The 128-bit fingerprint of a text's UTF-16 code units (never encoded first: the hash stays in this process's code).</summary>
    public static UInt128 Of(ReadOnlySpan<char> text) => Of(MemoryMarshal.AsBytes(text));

    /// <summary>A fingerprint as 32 lower-case hex digits, for file names and JSON records.</summary>
    public static string Hex(UInt128 hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, hash);
        return Convert.ToHexStringLower(bytes);
    }

    public static string HexOf(ReadOnlySpan<byte> bytes) => Hex(Of(bytes));

    public static string HexOf(ReadOnlySpan<char> text) => Hex(Of(text));

    /// <summary>A 64-bit memo key of a text's UTF-16 code units.</summary>
    public static ulong Key(ReadOnlySpan<char> text) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text));

    /// <summary>Two memo keys as one (order matters).</summary>
    public static ulong Combine(ulong a, ulong b)
    {
        Span<ulong> both = [a, b];
        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(both));
    }

    /// <summary>A fingerprint of data appended piece by piece: the same as <see cref="Of(ReadOnlySpan{byte})"/> of it all at once.</summary>
    public sealed class Builder
    {
        private readonly XxHash128 _hash = new();

        public Builder Append(ReadOnlySpan<byte> bytes)
        {
            _hash.Append(bytes);
            return this;
        }

        public Builder Append(ReadOnlySpan<char> text) => Append(MemoryMarshal.AsBytes(text));

        /// <summary>The fingerprint, and the builder starts again empty.</summary>
        public UInt128 Finish()
        {
            var hash = _hash.GetCurrentHashAsUInt128();
            _hash.Reset();
            return hash;
        }

        public Stream AsStream() => new Appending(this);

        /// <summary>A write-only stream that appends everything written to it (JSON serialised straight into the hash).</summary>
        private sealed class Appending(Builder builder) : Stream
        {
            public override void Write(byte[] buffer, int offset, int count) => builder.Append(buffer.AsSpan(offset, count));
            public override void Write(ReadOnlySpan<byte> buffer) => builder.Append(buffer);
            public override void Flush() { }
            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
