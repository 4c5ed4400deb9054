using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace PlanAtlas.Read;

/// <summary>
/// The parts of an OFD file (GB/T 33190-2016) that hold a document's text: the zip's OFD.xml names each document's
/// root (DocBody/DocRoot → Document.xml), whose Pages list the page descriptions (Pages/Page_N/Content.xml). Paths
/// (ST_Loc) are absolute from the package root or relative to the file that names them; one that climbs out of the
/// package is refused (nothing is ever extracted to disk). XML is parsed without DTDs or entities, each part at most
/// <see cref="MaxPartBytes"/> unpacked. Element names are matched without their namespace: producers differ.
/// </summary>
internal sealed class OfdPackage : IDisposable
{
    /// <summary>One XML part: a page of a long plan is some hundreds of KB.</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>More pages than any plan has; a Document.xml that lists more is refused rather than read for ever.</summary>
    public const int MaxPages = 10_000;

    private const string Code = "PA224";
    private const string Format = ".ofd";

    private static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxPartBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, XElement> _parts = new(StringComparer.Ordinal);

    public OfdPackage(byte[] bytes, long maxUncompressedBytes) => _zip = ZipContainer.Open(bytes, maxUncompressedBytes, Code, Format);

    /// <summary>The first document's DocInfo element and the path of its Document.xml.</summary>
    public (XElement? DocInfo, string DocumentPath) DocumentRoot()
    {
        var ofd = Part("OFD.xml", "the archive has no OFD.xml: not an OFD file");
        if (ofd.Name.LocalName != "OFD") throw Refused($"OFD.xml's root is <{ofd.Name.LocalName}>, not <OFD>");
        var body = Child(ofd, "DocBody") ?? throw Refused("OFD.xml has no DocBody");
        var root = Child(body, "DocRoot")?.Value.Trim();
        if (string.IsNullOrEmpty(root)) throw Refused("OFD.xml's DocBody names no DocRoot");
        return (Child(body, "DocInfo"), Resolve("", root));
    }

    /// <summary>Each page's Content.xml path in document order, and the document's default page box.</summary>
    public (List<string> Pages, string? PageBox) Pages(string documentPath)
    {
        var document = Part(documentPath, $"the DocRoot '{documentPath}' is not in the archive");
        var pageBox = Descendant(Child(document, "CommonData"), "PageArea", "PhysicalBox")?.Value;
        var folder = Folder(documentPath);
        var pages = new List<string>();
        foreach (var page in Child(document, "Pages")?.Elements().Where(e => e.Name.LocalName == "Page") ?? [])
        {
            if (pages.Count == MaxPages) throw Refused($"the document lists more than {MaxPages:N0} pages");
            var location = (string?)page.Attribute("BaseLoc");
            if (!string.IsNullOrWhiteSpace(location)) pages.Add(Resolve(folder, location.Trim()));
        }
        return (pages, pageBox);
    }

    /// <summary>A page description; the same part listed twice is parsed once.</summary>
    public XElement Page(string path) => Part(path, $"the page '{path}' is not in the archive");

    private XElement Part(string path, string missing)
    {
        if (_parts.TryGetValue(path, out var known)) return known;
        var entry = _zip.GetEntry(path) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase))
            ?? throw Refused(missing);
        var bytes = ZipContainer.ReadEntry(entry, MaxPartBytes, Code, Format);
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Safe);
            var root = XDocument.Load(reader, LoadOptions.PreserveWhitespace).Root ?? throw Refused($"'{path}' is empty");
            return _parts[path] = root;
        }
        catch (XmlException e)
        {
            throw Refused($"'{path}' is not well-formed XML ({ZipContainer.FirstLine(e.Message)})");
        }
    }

    /// <summary>An ST_Loc as a path inside the archive, without a leading slash.</summary>
    internal static string Resolve(string folder, string location)
    {
        var path = location.Replace('\\', '/');
        var parts = new List<string>();
        if (!path.StartsWith('/')) parts.AddRange(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) throw Refused($"the path '{location}' points outside the package");
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        if (parts.Count == 0) throw Refused($"the path '{location}' names no file");
        return string.Join('/', parts);
    }

    private static string Folder(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    internal static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static XElement? Descendant(XElement? parent, params string[] names)
    {
        foreach (var name in names) parent = Child(parent, name);
        return parent;
    }

    internal static DocumentReadException Refused(string why) => new(Code, $"not a readable .ofd: {why}");

    public void Dispose() => _zip.Dispose();
}
