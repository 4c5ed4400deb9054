using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Themes;

/// <summary>
/// Tags a text with the taxonomy's themes in one pass: a single automaton over every signal and exclusion of
/// every theme. A signal counts unless an exclusion of the same theme overlaps it (森林火灾 cancels 火灾 for
/// fire), or a longer signal of the same theme covers it (打非 inside 打非治违 is one piece of evidence).
/// </summary>
public sealed class ThemeTagger
{
    private readonly ThemeTaxonomy _taxonomy;
    private readonly TermMatcher _matcher;
    private readonly List<(int Theme, bool Exclusion, string Term)> _terms = [];

    public ThemeTagger(ThemeTaxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        for (var t = 0; t < taxonomy.Themes.Count; t++)
        {
            foreach (var s in taxonomy.Themes[t].Signals) _terms.Add((t, false, s));
            foreach (var e in taxonomy.Themes[t].Exclusions) _terms.Add((t, true, e));
        }
        _matcher = new TermMatcher(_terms.Select(t => t.Term).ToList());
        for (var i = _terms.Count - 1; i >= 0; i--) _termIndex[_terms[i].Term] = i;
        for (var t = taxonomy.Themes.Count - 1; t >= 0; t--) _themeIndex[taxonomy.Themes[t].Id] = t;
        Fingerprint = _terms.Aggregate(ContentHash.Key(string.Join('\n', taxonomy.Themes.Select(t => $"{t.Id}|{t.Role}|{string.Join(',', t.LeadOnly)}"))),
            (h, t) => ContentHash.Combine(h, ContentHash.Key($"{t.Theme}|{t.Exclusion}|{t.Term}")));
    }

    private readonly Dictionary<string, int> _termIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _themeIndex = new(StringComparer.Ordinal);

    /// <summary>A hash of the taxonomy's themes and terms: equal fingerprints, equal tags for any text.</summary>
    public ulong Fingerprint { get; }

    /// <summary>Tags as numbers (theme, then each evidence's term, start and length), for the analysis memo.</summary>
    internal void Write(BinaryWriter writer, IReadOnlyList<ThemeTag> tags)
    {
        writer.Write(tags.Count);
        foreach (var tag in tags)
        {
            writer.Write(_themeIndex[tag.ThemeId]);
            writer.Write((byte)tag.Strength);
            writer.Write(tag.Evidence.Count);
            foreach (var e in tag.Evidence)
            {
                writer.Write(_termIndex[e.Term]);
                writer.Write(e.Start);
                writer.Write(e.Length);
            }
        }
    }

    /// <summary>Tags as <see cref="Write"/> wrote them; <see cref="InvalidDataException"/> when they cannot be.</summary>
    internal IReadOnlyList<ThemeTag> Read(ref MemoReader reader)
    {
        var count = reader.Int32();
        if (count == 0) return [];
        if (count < 0 || count > _taxonomy.Themes.Count) throw new InvalidDataException("bad tag count");
        // Arrays, not lists: tens of thousands of items' tags are read back every build.
        var tags = new ThemeTag[count];
        for (var t = 0; t < count; t++)
        {
            var theme = reader.Int32();
            var strength = (ThemeStrength)reader.Byte();
            var n = reader.Int32();
            if (theme < 0 || theme >= _taxonomy.Themes.Count || !Enum.IsDefined(strength) || n <= 0 || n > 1 << 20) throw new InvalidDataException("bad tag");
            var evidence = new ThemeEvidence[n];
            for (var e = 0; e < n; e++)
            {
                var term = reader.Int32();
                if (term < 0 || term >= _terms.Count) throw new InvalidDataException("bad term");
                evidence[e] = new ThemeEvidence(_terms[term].Term, reader.Int32(), reader.Int32());
            }
            tags[t] = new ThemeTag(_taxonomy.Themes[theme].Id, evidence, strength);
        }
        return tags;
    }

    public ThemeTaxonomy Taxonomy => _taxonomy;

    /// <summary>The themes of a text in taxonomy order, each with its evidence in text order and its strength (<see cref="SubjectRule"/>).</summary>
    public IReadOnlyList<ThemeTag> Tag(string text) => SubjectRule.Apply(text, Found(text), _taxonomy);

    /// <summary>Every theme whose words the text holds, before subjects and mentions are told apart.</summary>
    public IReadOnlyList<ThemeTag> Found(string text)
    {
        if (_taxonomy.Themes.Count == 0 || text.Length == 0) return [];
        var matches = _matcher.Matches(text);
        if (matches.Count == 0) return [];
        var tags = new List<ThemeTag>();
        for (var t = 0; t < _taxonomy.Themes.Count; t++)
        {
            List<ThemeEvidence>? evidence = null;
            foreach (var m in matches)
            {
                var term = _terms[m.Term];
                if (term.Theme != t || term.Exclusion) continue;
                if (Covered(matches, m, t)) continue;
                (evidence ??= []).Add(new ThemeEvidence(term.Term, m.Start, m.Length));
            }
            if (evidence is not null) tags.Add(new ThemeTag(_taxonomy.Themes[t].Id, evidence));
        }
        return tags;
    }

    private bool Covered(List<TermMatch> matches, TermMatch signal, int theme)
    {
        foreach (var other in matches)
        {
            if (other.Start > signal.End) break;
            var term = _terms[other.Term];
            if (term.Theme != theme || other == signal || !other.Overlaps(signal)) continue;
            if (term.Exclusion) return true;
            // A longer signal of the same theme covering this one: keep only the longer as evidence.
            if (other.Start <= signal.Start && other.End >= signal.End && other.Length > signal.Length) return true;
        }
        return false;
    }
}
