using System.Globalization;
using System.Xml;
using PlanAtlas.Model;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Render.Publish;

/// <summary>One plan as an Atom entry; <see cref="Updated"/> comes from the plan itself, never from the build.</summary>
public sealed record FeedEntry(string Id, string Title, string Link, DateTimeOffset Updated, DateTimeOffset? Published,
    string Summary, string Author, string Category, string CategoryLabel);

/// <summary>The feed's own fields; links may be relative references when the site's host is unknown.</summary>
public sealed record FeedHeader(string Id, string Title, string? Subtitle, string Language, string SelfLink, string SiteLink, string Author);

/// <summary>
/// feed.xml: an Atom (RFC 4287) feed of the newest plans (<see cref="MaxEntries"/>), newest first. Entry ids are name-based UUIDs of the plan id
/// (the permalink), so they stay the same across builds and hosts; dates are the plan's 成文日期 — or 1 January
/// of its year when only the year is known — at midnight China time.
/// </summary>
public static class AtomFeed
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string FileName = "feed.xml";
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <summary>Entries the feed carries: the newest plans. Readers want what is new, and the file stays small at any corpus size.</summary>
    public const int MaxEntries = 100;

    /// <summary>Plans without a date or year have no honest date; they go last, dated at the Unix epoch.</summary>
    public static readonly DateTimeOffset Undated = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset DateOf(Plan plan) =>
        plan.Metadata.IssuedOn?.Value is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime)
        : plan.Year is { } year and >= 1 and <= 9999 ? new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime)
        : Undated;

    public static FeedEntry EntryFor(Plan plan, PlanRow row, PublicUrls urls, string fallbackAuthor)
    {
        var issued = plan.Metadata.IssuedOn?.Value is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime) : (DateTimeOffset?)null;
        var summary = string.Join(" · ", new[] { row.Region, row.Year, row.Issuer, plan.Metadata.DocNumber?.Value ?? "", row.KindLabel }.Where(s => s.Length > 0));
        return new FeedEntry(NameBasedUuid.Urn(SiteUrls.Plans + plan.Id), plan.Title, urls.Link(SiteUrls.PlanPath(plan.Id)), DateOf(plan), issued,
            summary, row.Issuer.Length > 0 ? row.Issuer : fallbackAuthor, row.Kind, row.KindLabel);
    }

    /// <summary>Newest first; ties (same day) by plan link so the order never depends on input order.</summary>
    public static IReadOnlyList<FeedEntry> Order(IEnumerable<FeedEntry> entries) =>
        entries.OrderByDescending(e => e.Updated).ThenBy(e => e.Link, StringComparer.Ordinal).Take(MaxEntries).ToList();

    public static byte[] Write(FeedHeader header, IReadOnlyList<FeedEntry> entries)
    {
        var ordered = Order(entries);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, SitemapWriter.XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, header.Language);
            xml.WriteElementString("id", Namespace, header.Id);
            Text(xml, "title", header.Title);
            if (!string.IsNullOrWhiteSpace(header.Subtitle)) Text(xml, "subtitle", header.Subtitle);
            xml.WriteElementString("updated", Namespace, Rfc3339(ordered.Count > 0 ? ordered[0].Updated : Undated));
            Link(xml, "self", "application/atom+xml", header.SelfLink);
            Link(xml, "alternate", "text/html", header.SiteLink);
            Author(xml, header.Author);
            xml.WriteStartElement("generator", Namespace);
            xml.WriteString("PlanAtlas");
            xml.WriteEndElement();
            foreach (var e in ordered)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, e.Id);
                Text(xml, "title", e.Title);
                xml.WriteElementString("updated", Namespace, Rfc3339(e.Updated));
                if (e.Published is { } published) xml.WriteElementString("published", Namespace, Rfc3339(published));
                Link(xml, "alternate", "text/html", e.Link);
                Author(xml, e.Author);
                xml.WriteStartElement("category", Namespace);
                xml.WriteAttributeString("term", e.Category);
                xml.WriteAttributeString("label", XmlText.Clean(e.CategoryLabel));
                xml.WriteEndElement();
                if (e.Summary.Length > 0) Text(xml, "summary", e.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    public static string Rfc3339(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void Text(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement(name, Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(XmlText.Clean(value));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static void Author(XmlWriter xml, string name)
    {
        xml.WriteStartElement("author", Namespace);
        xml.WriteElementString("name", Namespace, XmlText.Clean(name));
        xml.WriteEndElement();
    }
}
