using System.Text;
using System.Text.Json;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PlanAtlas.Render;

/// <summary>
/// Scriban templates from theme/layouts, parsed once and reused for every page (partials too: Scriban caches an
/// include per rendering context only, and every page gets a fresh context). Each page template renders
/// its body; layouts/base.sbn then wraps it in the shared header and footer. Templates escape every value
/// that comes from an input file with html.escape — Scriban has no auto-escaping.
/// </summary>
public sealed class TemplateEngine
{
    private readonly ThemeFiles _theme;
    private readonly ScriptObject _globals;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Template> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly byte[] _fingerprintBase;
    private readonly Dictionary<string, Template> _partials = new(StringComparer.Ordinal);

    public TemplateEngine(ThemeFiles theme, SiteUrls urls, UiStrings strings, object site)
    {
        _theme = theme;
        _globals = new ScriptObject();
        // Made from the methods, not imported as delegates: Scriban then calls them through its typed string(string)
        // wrapper instead of Delegate.DynamicInvoke, and a page calls them for every link and label.
        _globals.SetValue("url", DynamicCustomFunction.Create(urls, typeof(SiteUrls).GetMethod(nameof(SiteUrls.Url))!), true);
        _globals.SetValue("t", DynamicCustomFunction.Create(strings, typeof(UiStrings).GetProperty("Item")!.GetMethod!), true);
        _globals["site"] = site;
        _globals["lang"] = strings.Language;
        _fingerprintBase = FingerprintBase(theme, site, strings.Language);
        foreach (var path in theme.List("layouts/partials").Where(p => p.EndsWith(".sbn", StringComparison.Ordinal)))
            _partials[path] = Parse(path);
        if (WritesContentAsIs(theme.ReadText("layouts/base.sbn")))
            _contentMark = "\uE000content-" + Guid.NewGuid().ToString("N");
    }

    /// <summary>Renders a page into <paramref name="output"/>, or keeps the previous build's copy when nothing it depends on changed.</summary>
    public void WritePage(OutputFolder output, string sitePath, string name, PageInfo page, object model)
    {
        if (output.Reuse is null) output.WritePage(sitePath, writer => RenderPage(name, page, model, writer));
        else output.WritePage(sitePath, Fingerprint(name, page, model), writer => RenderPage(name, page, model, writer));
    }

    /// <summary>
    /// Writes a page whose fingerprint was made from its inputs (<see cref="Inputs"/>) and that
    /// <see cref="OutputFolder.TryKeep"/> did not keep; <paramref name="companions"/> are files written for it (a chart's data).
    /// </summary>
    public void WritePage(OutputFolder output, string name, PageInfo page, object model, string? fingerprint, IReadOnlyList<string> companions) =>
        output.WritePage(page.SitePath, fingerprint, writer => RenderPage(name, page, model, writer), companions);

    /// <summary>The start of an input fingerprint of a page rendered with layouts/{name}.sbn: the theme, the site globals, the template.</summary>
    public PageInputs Inputs(string name) => new(_fingerprintBase, name);

    /// <summary>Hashes <paramref name="value"/> as JSON, for <see cref="Fingerprint"/> (a page and its model).</summary>
    private static void HashJson(Model.ContentHash.Builder hash, object value)
    {
        RepeatedItemLinks.Begin();
        try
        {
            using var into = hash.AsStream();
            JsonSerializer.Serialize(into, value, value.GetType(), FingerprintJson);
        }
        finally
        {
            RepeatedItemLinks.Begin();
        }
    }

    /// <summary>
    /// What a page's bytes depend on, hashed: every theme file (templates, partials, strings), the site globals, the
    /// template name, the page and its model (as JSON: the model records hold only data).
    /// </summary>
    public string Fingerprint(string name, PageInfo page, object model)
    {
        var hash = new Model.ContentHash.Builder().Append(_fingerprintBase).Append(Encoding.UTF8.GetBytes(name));
        // Serialised straight into the hash: a large page's model never exists as one (large-object-heap) byte array.
        HashJson(hash, page);
        HashJson(hash, model);
        return Model.ContentHash.Hex(hash.Finish());
    }

    private static readonly JsonSerializerOptions FingerprintJson = new()
    {
        IncludeFields = true, MaxDepth = 256, Converters = { new RepeatedItemLinks() },
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            FingerprintJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    private static readonly JsonSerializerOptions FingerprintJsonPlain = new() { IncludeFields = true, MaxDepth = 256 };

    /// <summary>
    /// A compare page lists each of its plan's items in all five peer groups: in a fingerprint, an item link equal to
    /// one already written is written as the number of that first one. Equality is by value (the record's strings), so
    /// the JSON depends on the model's values only, never on which objects happen to be shared.
    /// </summary>
    private sealed class RepeatedItemLinks : System.Text.Json.Serialization.JsonConverter<Compare.ItemLinkView>
    {
        [ThreadStatic] private static Dictionary<Compare.ItemLinkView, int>? t_seen;

        public static void Begin() => (t_seen ??= []).Clear();

        public override Compare.ItemLinkView Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("fingerprint JSON is only written");

        public override void Write(Utf8JsonWriter writer, Compare.ItemLinkView value, JsonSerializerOptions options)
        {
            var seen = t_seen ??= [];
            if (seen.TryGetValue(value, out var index))
            {
                writer.WriteNumberValue(index);
                return;
            }
            seen[value] = seen.Count;
            JsonSerializer.Serialize(writer, value, FingerprintJsonPlain);
        }
    }

    private static byte[] FingerprintBase(ThemeFiles theme, object site, string language)
    {
        var hash = new Model.ContentHash.Builder();
        foreach (var file in theme.List(""))
            hash.Append(Encoding.UTF8.GetBytes(file + "\n")).Append(File.ReadAllBytes(theme.Resolve(file)));
        hash.Append(JsonSerializer.SerializeToUtf8Bytes(site, site.GetType(), FingerprintJson)).Append(Encoding.UTF8.GetBytes(language));
        var digest = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(digest, hash.Finish());
        return digest;
    }

    /// <summary>Renders layouts/{name}.sbn with the page model, then wraps it in layouts/base.sbn.</summary>
    public string RenderPage(string name, PageInfo page, object model)
    {
        using var writer = new StringWriter();
        RenderPage(name, page, model, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Renders a page into <paramref name="writer"/>. The body is rendered into a buffer the thread keeps, and the layout
    /// around a mark that stands for it; the page is then written as layout-before-mark, body, layout-after-mark. A
    /// compare or plan page is larger than the large-object heap's threshold: as one string, and again as its UTF-8
    /// bytes, every page would cost two large-object allocations and the full collections they bring on.
    /// </summary>
    public void RenderPage(string name, PageInfo page, object model, TextWriter writer)
    {
        try
        {
            Render(name, page, model, writer);
        }
        catch (ScriptRuntimeException e) when (e.InnerException is null or Read.BuildInputException)
        {
            // The template's own error (a missing function, a wrong argument, a missing partial); an exception thrown by
            // the .NET code it called is a bug, and goes on as it is.
            throw new TemplateException($"{e.Span.FileName}({e.Span.Start.Line + 1},{e.Span.Start.Column + 1})", e.InnerException?.Message ?? e.OriginalMessage, e);
        }
    }

    private void Render(string name, PageInfo page, object model, TextWriter writer)
    {
        var template = Load($"layouts/{name}.sbn");
        var layout = Load("layouts/base.sbn");
        // One context for the body and the layout: building one (builtins, caches, scopes) costs as much as a small page.
        var context = new PageContext(Builtins)
        {
            TemplateLoader = new ThemeTemplateLoader(_theme),
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            LoopLimit = 0,
            RecursiveLimit = 64,
            // Included partials are not re-indented line by line: HTML does not care, and it is the costliest part of writing.
            AutoIndent = false,
        };
        foreach (var (path, partial) in _partials) context.CachedTemplates[path] = partial;
        context.PushGlobal(_globals);
        var locals = new ScriptObject { ["page"] = page, ["model"] = model };
        context.PushGlobal(locals);
        var body = t_body ??= new StringBuilder();
        body.Clear();
        context.PushOutput(new BufferOutput(body));
        template.Render(context);
        context.PopOutput();
        if (_contentMark is { } mark)
        {
            locals["content"] = mark;
            var frame = layout.Render(context);
            var at = frame.IndexOf(mark, StringComparison.Ordinal);
            if (at >= 0 && frame.IndexOf(mark, at + mark.Length, StringComparison.Ordinal) < 0)
            {
                writer.Write(frame.AsSpan(0, at));
                writer.Write(body);
                writer.Write(frame.AsSpan(at + mark.Length));
                return;
            }
        }
        locals["content"] = body.ToString();
        writer.Write(layout.Render(context));
    }

    /// <summary>The body buffer of the rendering thread: its capacity is kept from page to page.</summary>
    [ThreadStatic] private static StringBuilder? t_body;

    /// <summary>
    /// What the layout gets as its content when it only writes it as it is (`{{ content }}`, once): a private-use
    /// character and a per-engine random id, which no value of a page can produce. Null when the layout does anything
    /// else with the content (a filter, its size): such a layout is always rendered with the real body.
    /// </summary>
    private readonly string? _contentMark;

    private static readonly System.Text.RegularExpressions.Regex CodeBlock = new(@"\{\{(.*?)\}\}", System.Text.RegularExpressions.RegexOptions.Singleline);
    private static readonly System.Text.RegularExpressions.Regex ContentWord = new(@"\bcontent\b");
    private static readonly System.Text.RegularExpressions.Regex BareContent = new(@"^[-~]?\s*content\s*[-~]?$");

    /// <summary>True when the only use of <c>content</c> in the layout's code is one bare <c>{{ content }}</c>.</summary>
    internal static bool WritesContentAsIs(string layoutText)
    {
        var uses = CodeBlock.Matches(layoutText).Select(m => m.Groups[1].Value).Where(code => ContentWord.IsMatch(code)).ToList();
        return uses.Count == 1 && BareContent.IsMatch(uses[0]);
    }

    /// <summary>
    /// A rendering context whose accessors for .NET model types are shared by every page: Scriban caches them per
    /// context, and building one reads the type's properties and attributes by reflection, for every type on every page.
    /// </summary>
    private sealed class PageContext(ScriptObject builtins) : TemplateContext(builtins)
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IObjectAccessor> Shared = new();

        protected override IObjectAccessor GetMemberAccessorImpl(object target)
        {
            var type = target.GetType();
            if (Shared.TryGetValue(type, out var shared)) return shared;
            var accessor = base.GetMemberAccessorImpl(target);
            // Only accessors made by reflection from the type alone are shared (not those of script objects, dictionaries, lists).
            if (accessor is Scriban.Runtime.Accessors.TypedObjectAccessor) Shared.TryAdd(type, accessor);
            return accessor!;
        }
    }

    /// <summary>Scriban output into a StringBuilder that is never turned into a string by Scriban itself.</summary>
    private sealed class BufferOutput(StringBuilder builder) : IScriptOutput
    {
        public void Write(string text, int offset, int count) => builder.Append(text, offset, count);

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Scriban's built-in functions, made once: every page's context shares them (templates only read them).</summary>
    private static readonly ScriptObject Builtins = new Scriban.Functions.BuiltinFunctions();

    /// <summary>The parsed template: read without a lock (every page reads two, from every rendering thread), parsed once under it.</summary>
    private Template Load(string path)
    {
        if (_cache.TryGetValue(path, out var cached)) return cached;
        lock (_lock)
        {
            if (_cache.TryGetValue(path, out cached)) return cached;
            return _cache[path] = Parse(path);
        }
    }

    private Template Parse(string path)
    {
        var template = Template.Parse(_theme.ReadText(path), path);
        if (template.HasErrors)
            throw new TemplateException(path, string.Join("; ", template.Messages));
        return template;
    }

    private sealed class ThemeTemplateLoader(ThemeFiles theme) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => $"layouts/partials/{templateName}.sbn";
        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => theme.ReadText(templatePath);
        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new((string?)Load(context, callerSpan, templatePath));
    }
}

/// <summary>What every layout needs to know about the page being rendered.</summary>
/// <param name="SitePath">The page's path under the site root, e.g. "plans/420700-2018/" ("" for home).</param>
/// <param name="Scripts">Extra script files (site paths) this page needs; most pages need none beyond the site's own.</param>
public sealed record PageInfo(string Title, string SitePath, string? Description = null, string Section = "")
{
    public IReadOnlyList<string> Scripts { get; init; } = [];

    /// <summary>
    /// A page a search result can open (with ?highlight=): it carries the highlighter. The home page, the search page
    /// and the 404 page are never results, so they go without it.
    /// </summary>
    public bool SearchTarget => Section is not ("home" or "search" or "notfound");
    public IReadOnlyList<PageCrumb> Breadcrumbs { get; init; } = [];
}

public sealed record PageCrumb(string Title, string SitePath);

/// <summary>A theme template that does not parse or fails while rendering: bad input, named by file and line.</summary>
public sealed class TemplateException : Read.BuildInputException
{
    public TemplateException(string template, string message) : base($"{template}: {message}") { }

    public TemplateException(string template, string message, Exception inner) : base($"{template}: {message}", inner) { }
}
