using System.Security.Cryptography;
using System.Text;

namespace PlanAtlas.Render.Publish;

/// <summary>
/// RFC 9562 version-5 (SHA-1, name-based) UUIDs: the same name always gives the same id, so feed ids survive
/// rebuilds, a new base path or a new host. .NET has no built-in v5, and the algorithm is a few lines.
/// </summary>
public static class NameBasedUuid
{
    /// <summary>PlanAtlas's own namespace (itself a v5 UUID of "planatlas" in the RFC's URL namespace).</summary>
    public static readonly Guid PlanAtlasNamespace = Create(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://planatlas/");

    public static Guid Create(Guid @namespace, string name)
    {
        Span<byte> input = stackalloc byte[16];
        @namespace.TryWriteBytes(input, bigEndian: true, out _);
        var data = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        input.CopyTo(data);
        Encoding.UTF8.GetBytes(name, data.AsSpan(16));
        var hash = SHA1.HashData(data);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static string Urn(string name) => "urn:uuid:" + Create(PlanAtlasNamespace, name).ToString("D");
}
