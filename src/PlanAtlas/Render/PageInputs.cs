using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PlanAtlas.Model;

namespace PlanAtlas.Render;

/// <summary>
/// A page's fingerprint made from what its model is built from, not from the model: a page of an incremental build
/// whose inputs are unchanged is kept before its model is built (building and serialising the models of thousands of
/// unchanged pages cost most of the one-edit rebuild). Starts from what every page depends on (theme files, site
/// globals, template name: <see cref="TemplateEngine.Inputs"/>); each value is written with its length or as fixed
/// bytes, so two different sequences of values never hash alike.
/// </summary>
public sealed class PageInputs : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _unknown;

    internal PageInputs(byte[] common, string template)
    {
        _hash.AppendData(common);
        Add("inputs").Add(template);
    }

    public PageInputs Add(string? text)
    {
        if (text is null) return Add(-1L);
        var length = Encoding.UTF8.GetByteCount(text);
        Add((long)length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            _hash.AppendData(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return this;
    }

    public PageInputs Add(long number)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, number);
        _hash.AppendData(bytes);
        return this;
    }

    /// <summary>Exact bits: a page formats its numbers, and any change in the value may change the text.</summary>
    public PageInputs Add(double number) => Add(BitConverter.DoubleToInt64Bits(number));

    public PageInputs Add(double? number) => number is { } n ? Add(1L).Add(n) : Add(0L);

    public PageInputs Add(bool flag) => Add(flag ? 1L : 0L);

    /// <summary>
    /// A plan as the page knows it: its id (assigned over the corpus) and its <see cref="Plan.ContentKey"/> (what its
    /// record was made from). A plan without a key (not made by the parse stage) cannot be recognised: the page gets
    /// no fingerprint and is always rendered. Null is a plan the page looked for and did not find.
    /// </summary>
    public PageInputs Plan(Plan? plan)
    {
        if (plan is null) return Add(0L);
        if (plan.ContentKey.Length == 0) _unknown = true;
        return Add(1L).Add(plan.Id).Add(plan.ContentKey);
    }

    /// <summary>A small part of the page built already (a theme profile): hashed as the JSON a model fingerprint writes.</summary>
    public PageInputs Built(object? part)
    {
        if (part is null) return Add(0L);
        Add(1L);
        TemplateEngine.HashJson(_hash, part);
        return this;
    }

    /// <summary>The hex SHA-256 of everything added; null when a plan could not be recognised.</summary>
    public string? Fingerprint() => _unknown ? null : Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
