using System.Globalization;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Fetch;

/// <summary>
/// The fetch stage: downloads each listed page and the plan files it links into input/plans, and records each
/// file as a row of input/plans.csv (source_url, fetched_at, sha256, role, and the portal's title, issuer, 文号 and
/// 成文日期 where the row has none). A page that only wraps an attached plan is recorded as role page and its
/// attachment as the plan, carrying the page's metadata; a page that is the plan keeps its attachments as role
/// attachment. So the build counts every plan once. One URL failing never stops the others; the manifest and
/// the state are saved after every URL, so an interrupted run keeps what it fetched.
/// </summary>
public sealed class CorpusFetcher : IDisposable
{
    private readonly FetchOptions _options;
    private readonly TimeProvider _clock;
    private readonly PoliteClient _client;

    /// <param name="clock">Paces requests and dates fetched_at; tests step it instead of waiting.</param>
    /// <param name="handler">The HTTP handler; null is a plain SocketsHttpHandler.</param>
    public CorpusFetcher(FetchOptions options, TimeProvider? clock = null, HttpMessageHandler? handler = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _client = new PoliteClient(options, _clock, handler);
    }

    /// <exception cref="FetchFailure">The input's manifest cannot be read, so nothing can be recorded.</exception>
    public async Task<FetchReport> FetchAsync(IReadOnlyList<string> urls, IFetchProgress progress, CancellationToken cancellation)
    {
        Directory.CreateDirectory(_options.InputDirectory);
        var manifestPath = Path.Combine(_options.InputDirectory, InputReader.ManifestFile);
        var statePath = Path.Combine(_options.InputDirectory, FetchState.FileName);
        var manifest = ManifestTable.Load(manifestPath);
        var (state, problem) = FetchState.Load(statePath);
        var run = new Run(this, manifest, state, new PlanFolder(Path.Combine(_options.InputDirectory, InputReader.PlansFolder)));

        var distinct = urls.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        progress.Started(distinct.Count);
        var outcomes = new List<UrlOutcome>();
        foreach (var url in distinct)
        {
            progress.UrlStarted(url);
            var outcome = await run.FetchAsync(url, cancellation);
            manifest.Save(manifestPath);
            state.Save(statePath);
            outcomes.Add(outcome);
            progress.UrlFinished(outcome);
        }
        return new FetchReport(outcomes, problem is null ? [] : [problem]);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>One run over the list: the manifest, state and folder it reads and writes.</summary>
    private sealed class Run(CorpusFetcher owner, ManifestTable manifest, FetchState state, PlanFolder folder)
    {
        private readonly FileNames _names = new(name => folder.Exists(name) || manifest.Names(name) || state.Claims(name));

        private FetchOptions Options => owner._options;

        public async Task<UrlOutcome> FetchAsync(string url, CancellationToken cancellation)
        {
            var job = new Job(url);
            try
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                    throw new FetchFailure("not an http(s) address");
                await FetchListedAsync(address, job, cancellation);
            }
            catch (FetchFailure e)
            {
                job.Problems.Add(e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                job.Problems.Add($"unexpected error ({e.GetType().Name}: {e.Message}); please report it with this address");
            }
            return job.Outcome();
        }

        private async Task FetchListedAsync(Uri address, Job job, CancellationToken cancellation)
        {
            var key = address.AbsoluteUri;
            var (known, file) = Known(key);
            var download = await owner._client.GetAsync(address, ValidatorsFor(known, file), cancellation);
            if (download.NotModified)
            {
                var attachments = known!.Attachments ?? [];
                // An attachment that failed last time has no record (no name, no role): the page is read again to place it.
                if (attachments.All(a => Known(a).File is { } f && folder.Exists(f)))
                {
                    foreach (var a in attachments) await RefreshAsync(new Uri(a), job, cancellation);
                    return;
                }
                download = await owner._client.GetAsync(address, null, cancellation);
            }
            if (IsPage(download)) await SavePageAsync(key, download, file, job, cancellation);
            else SaveFile(key, download, file ?? _names.ForFile(download.Url, PlanExtension(download)), job);
        }

        private async Task SavePageAsync(string key, Download download, string? file, Job job, CancellationToken cancellation)
        {
            var page = FetchedPage.Read(download, file ?? "page.html");
            var stem = file is not null ? Path.GetFileNameWithoutExtension(file) : FileNames.PageStem(page.NameHint, download.Url);
            var name = file ?? _names.ForPage(stem);
            var attachments = page.Attachments.Take(Options.MaxAttachments).ToList();
            // A capped list is said, not dropped in silence: the researcher may be missing the plan itself.
            if (page.Attachments.Count > attachments.Count)
                job.Problems.Add($"the page links {page.Attachments.Count} document files; only the first {attachments.Count} were fetched (fetch the others by their own addresses)");
            var plan = page.IsWrapper ? attachments.OrderBy(PlanRank).First() : null;
            Store(name, page.Bytes, download, page.IsWrapper ? ManifestRole.Page : ManifestRole.Plan, page.Fields, job);
            state.Remember(key, new FetchedUrl(name, download.ETag, download.LastModified, attachments.Select(a => a.Url.AbsoluteUri).ToList()));
            foreach (var attachment in attachments)
            {
                var isPlan = attachment == plan;
                await SaveAttachmentAsync(attachment, stem, isPlan ? ManifestRole.Plan : ManifestRole.Attachment, isPlan ? page.Fields : null, job, cancellation);
            }
        }

        /// <summary>Which attached file is the plan: one the build reads (.pdf, .docx) before other documents, in page order.</summary>
        private static int PlanRank(AttachmentLink a) => a.Extension is ".pdf" or ".docx" ? 0 : a.IsDocument ? 1 : 2;

        private async Task SaveAttachmentAsync(AttachmentLink link, string pageStem, ManifestRole role, PortalFields? fields, Job job, CancellationToken cancellation)
        {
            var key = link.Url.AbsoluteUri;
            try
            {
                var (known, file) = Known(key);
                var download = await owner._client.GetAsync(link.Url, ValidatorsFor(known, file), cancellation);
                if (download.NotModified) return;
                if (IsPage(download))
                    throw new FetchFailure($"a web page came back instead of the {link.Extension} file (an error page?)");
                var name = file ?? _names.ForAttachment(pageStem, link);
                Store(name, download.Body, download, role, fields, job);
                state.Remember(key, new FetchedUrl(name, download.ETag, download.LastModified));
            }
            catch (FetchFailure e)
            {
                job.Problems.Add($"attachment {key}: {e.Message}");
            }
        }

        /// <summary>An attachment of an unchanged page: asked again whether it changed; its row stays as it is.</summary>
        private async Task RefreshAsync(Uri url, Job job, CancellationToken cancellation)
        {
            var (known, file) = Known(url.AbsoluteUri);
            try
            {
                var download = await owner._client.GetAsync(url, ValidatorsFor(known, file), cancellation);
                if (download.NotModified) return;
                if (IsPage(download)) throw new FetchFailure("a web page came back instead of the file (an error page?)");
                Store(file!, download.Body, download, ManifestRole.Attachment, null, job);
                state.Remember(url.AbsoluteUri, new FetchedUrl(file!, download.ETag, download.LastModified));
            }
            catch (FetchFailure e)
            {
                job.Problems.Add($"attachment {url.AbsoluteUri}: {e.Message}");
            }
        }

        private void SaveFile(string key, Download download, string name, Job job)
        {
            Store(name, download.Body, download, ManifestRole.Plan, null, job);
            state.Remember(key, new FetchedUrl(name, download.ETag, download.LastModified));
        }

        /// <summary>Writes the file unless the user edited it, and records it in its manifest row.</summary>
        private void Store(string name, byte[] bytes, Download download, ManifestRole role, PortalFields? fields, Job job)
        {
            var row = manifest.Find(name);
            var result = folder.Write(name, bytes, row?.Get("sha256"), Options.Force);
            if (result == WriteResult.KeptEdited)
            {
                job.Kept.Add(InputReader.PlansFolder + "/" + name);
                return;
            }
            row ??= manifest.Add(name);
            if (result == WriteResult.Written) job.Written.Add(InputReader.PlansFolder + "/" + name);
            if (result == WriteResult.Written || row.Get("sha256") is null)
            {
                row.Set("fetched_at", owner._clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                row.Set("sha256", PlanFolder.Hash(bytes));
            }
            row.Set("source_url", download.Url.AbsoluteUri);
            row.Fill("role", role.ToString().ToLowerInvariant());
            if (fields is null) return;
            row.Fill("title", fields.Title);
            row.Fill("issuer", fields.Issuer);
            row.Fill("doc_number", fields.DocNumber);
            row.Fill("issued_on", fields.WrittenOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        /// <summary>What an earlier run recorded of the URL, and its file, if that is a name fetch may write.</summary>
        private (FetchedUrl? Known, string? File) Known(string url)
        {
            var known = state[url];
            var file = known?.File ?? manifest.FindBySource(url)?.File;
            return file is not null && folder.IsSafeName(file) ? (known, file) : (null, null);
        }

        /// <summary>Validators go with a request only for a file that is there, and not when --force is to replace an edited one.</summary>
        private Validators? ValidatorsFor(FetchedUrl? known, string? file)
        {
            if (known is not { ETag: not null } and not { LastModified: not null } || file is null || !folder.Exists(file)) return null;
            var edited = folder.HashOf(file) != manifest.Find(file)?.Get("sha256");
            return Options.Force && edited ? null : new Validators(known.ETag, known.LastModified);
        }

        private static bool IsPage(Download d) =>
            d.MediaType is "text/html" or "application/xhtml+xml"
            || (d.MediaType is null or "application/octet-stream" or "text/plain" && BinarySignatures.LooksLikeHtml(d.Body));

        /// <summary>The extension of a plan file listed by its own address: from the address, else from its type, else from its bytes.</summary>
        private static string PlanExtension(Download d)
        {
            var fromPath = Path.GetExtension(Uri.UnescapeDataString(d.Url.AbsolutePath)).ToLowerInvariant();
            if (AttachmentLinks.Extensions.Contains(fromPath) || fromPath == ".txt") return fromPath;
            return d.MediaType switch
            {
                "application/pdf" => ".pdf",
                "application/msword" => ".doc",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
                "application/vnd.ms-excel" => ".xls",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
                "application/zip" or "application/x-zip-compressed" => ".zip",
                "application/ofd" => ".ofd",
                "text/plain" => ".txt",
                _ when d.Body.AsSpan().StartsWith("%PDF-"u8) => ".pdf",
                _ => throw new FetchFailure($"neither a web page nor a plan file (Content-Type {d.MediaType ?? "none"})"),
            };
        }
    }

    private sealed class Job(string url)
    {
        public readonly List<string> Written = [];
        public readonly List<string> Kept = [];
        public readonly List<string> Problems = [];

        public UrlOutcome Outcome() => new(url,
            Problems.Count > 0 ? UrlStatus.Failed : Written.Count > 0 ? UrlStatus.Fetched : UrlStatus.Unchanged,
            Written, Kept, Problems);
    }
}
