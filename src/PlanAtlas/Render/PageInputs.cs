using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using PlanAtlas.Model;

namespace PlanAtlas.Render;

/// <summary>
/// A page's fingerprint made from what its model is built from, not from the model: a page of an incremental build
/// whose inputs are unchanged is kept before its model is built (building and serialising the models of thousands of
/// unchanged pages cost most of the one-edit rebuild). Starts from what every page depends on (theme files, site
/// globals, template name: <see cref="TemplateEngine.Inputs"/>); each value is written with its length or as fixed
/// bytes, so two different sequences of values never hash alike. The values are gathered in one buffer and hashed once.
/// </summary>
public sealed class PageInputs : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;
    private bool _unknown;
    /// <summary>Where a <see cref="Streamed"/> part's full buffer goes; null: everything is hashed at the end.</summary>
    private ContentHash.Builder? _hash;

    internal PageInputs(byte[] common, string template)
    {
        Add(common).Add("inputs").Add(template);
    }

    private PageInputs() { }

    /// <summary>Inputs hashed on their own into a <see cref="Digest"/>: a part many pages share (an item's link) is hashed once.</summary>
    public static PageInputs Part() => new();

    /// <summary>
    /// A part of any size (every reuse link of the corpus): the buffer is fed into the hash whenever it fills, so it
    /// stays small. The digest is the same as a <see cref="Part"/>'s of the same values.
    /// </summary>
    public static PageInputs Streamed() => new() { _hash = new ContentHash.Builder() };

    /// <summary>
    /// A text as its UTF-16 code units, copied as they are: a fingerprint is only ever compared with one this build's code
    /// made, and encoding every text as UTF-8 first was most of hashing a rebuild's fingerprints (and reuse.csv's rows).
    /// </summary>
    public PageInputs Add(string? text)
    {
        if (text is null) return Add(-1L);
        Add((long)text.Length);
        var bytes = MemoryMarshal.AsBytes(text.AsSpan());
        bytes.CopyTo(Room(bytes.Length));
        _length += bytes.Length;
        return this;
    }

    public PageInputs Add(long number)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Room(8), number);
        _length += 8;
        return this;
    }

    /// <summary>Fixed-length bytes: a <see cref="Digest"/> of a part.</summary>
    public PageInputs Add(ReadOnlySpan<byte> digest)
    {
        digest.CopyTo(Room(digest.Length));
        _length += digest.Length;
        return this;
    }

    /// <summary>Exact bits: a page formats its numbers, and any change in the value may change the text.</summary>
    public PageInputs Add(double number) => Add(BitConverter.DoubleToInt64Bits(number));

    public PageInputs Add(double? number) => number is { } n ? Add(1L).Add(n) : Add(0L);

    public PageInputs Add(bool flag) => Add(flag ? 1L : 0L);

    /// <summary>
    /// A plan as the page knows it: its id (assigned over the corpus) and its <see cref="Plan.ContentKey"/> (what its
    /// record was made from). A plan without a key (not made by the parse stage) cannot be recognised: the page gets
    /// no fingerprint and is always rendered.
    /// </summary>
    public PageInputs Plan(Plan plan)
    {
        if (plan.ContentKey.Length == 0) _unknown = true;
        return Add(plan.Id).Add(plan.ContentKey);
    }

    /// <summary>The <see cref="ContentHash"/> of everything added, for a part (16 bytes).</summary>
    public byte[] Digest()
    {
        var digest = new byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(digest, Hash());
        return digest;
    }

    /// <summary>The <see cref="ContentHash"/> of everything added, as hex; null when a plan could not be recognised.</summary>
    public string? Fingerprint() => _unknown ? null : ContentHash.Hex(Hash());

    private UInt128 Hash()
    {
        if (_hash is null) return ContentHash.Of(_buffer.AsSpan(0, _length));
        _hash.Append(_buffer.AsSpan(0, _length));
        _length = 0;
        return _hash.Finish();
    }

    /// <summary>Room for <paramref name="bytes"/> more bytes at the end of the buffer.</summary>
    private Span<byte> Room(int bytes)
    {
        if (_length + bytes > _buffer.Length && _hash is not null)
        {
            _hash.Append(_buffer.AsSpan(0, _length));
            _length = 0;
        }
        if (_length + bytes > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        return _buffer.AsSpan(_length, bytes);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
