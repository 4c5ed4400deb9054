using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Themes;

/// <summary>
/// Splits an item's themes into subjects (what it commits to doing) and mentions (named in passing), by where the
/// evidence stands: the rule of tools/themes/LABELLING.md, in the form a program can apply. A theme is a subject when
/// its words stand in a place (<see cref="ItemPlaces"/>) as what the place commits to, or when the clauses that
/// carry it make up at least half of the body; every other theme found is a mention. Words do not commit when they are
/// one member of a list of other themes, in a clause that frames the work (`结合…活动`, `按照…要求`), a modifier of another theme's words outside the lead (`煤矿安全生产标准化`),
/// a verb theme's words after another theme's (`燃气安全风险隐患专项整治` is gas), a sector where an instrument led by the
/// lead is applied, or a lead-only duty phrase (`落实主体责任`) past the lead.
/// </summary>
public static class SubjectRule
{
    /// <summary>No item commits to more: beyond it a list of sub-points is a grab-bag, and its lesser themes are mentions.</summary>
    public const int MaxSubjects = 4;

    /// <summary>The share of the body from which a theme is a subject wherever its words stand (LABELLING.md D7).</summary>
    public const double MostOfTheText = 0.5;

    /// <summary>At most this many characters may follow a list member's words in its member (`危化品企业、`).</summary>
    public const int ListedTail = 2;

    /// <summary>At most this many characters between a modifier and the words it modifies (`煤矿[安全生产]标准化`).</summary>
    public const int ModifierGap = 6;

    public static IReadOnlyList<ThemeTag> Apply(string text, IReadOnlyList<ThemeTag> tags, ThemeTaxonomy taxonomy)
    {
        if (tags.Count == 0) return tags;
        var places = ItemPlaces.Of(text);
        // A 责任单位 cell says who acts: the units' names are no evidence of what is done.
        if (places.IsResponsibleUnits) return [];
        var themes = tags.Select(t => taxonomy.Find(t.ThemeId)).ToArray();
        var roles = themes.Select(t => t?.Role ?? ThemeRole.Topic).ToArray();
        var counting = new List<ThemeEvidence>[tags.Count];
        for (var t = 0; t < tags.Count; t++)
        {
            var leadOnly = themes[t]?.LeadOnly ?? [];
            counting[t] = tags[t].Evidence.Where(e => !Listed(places, tags, t, e) && !places.IsFraming(e.Start)
                && (!leadOnly.Contains(e.Term) || places.Lead.Contains(e.Start, e.Length))).ToList();
        }
        for (var t = 0; t < tags.Count; t++)
            if (roles[t] == ThemeRole.Verb) counting[t] = counting[t].Where(e => !FollowsOther(places, counting, roles, t, e)).ToList();
        var modifiers = new List<ThemeEvidence>[tags.Count];
        for (var t = 0; t < tags.Count; t++) modifiers[t] = counting[t].Where(e => Modifies(places, counting, roles, t, e)).ToList();
        for (var t = 0; t < tags.Count; t++) counting[t] = counting[t].Except(modifiers[t]).ToList();
        if (LeadIsInstrument(places, counting, roles))
            for (var t = 0; t < tags.Count; t++)
                if (roles[t] == ThemeRole.Sector) counting[t] = counting[t].Where(e => places.Lead.Contains(e.Start, e.Length)).ToList();

        var subject = new bool[tags.Count];
        var leadHits = new int[tags.Count];
        var firstHit = new int[tags.Count];
        var inOpening = new bool[tags.Count];
        var firstLead = places.Places.Count - places.SubPointLeads;
        for (var t = 0; t < tags.Count && !places.IsGeneral; t++)
        {
            var hitPlaces = new HashSet<int>();
            foreach (var e in counting[t])
                if (places.PlaceOf(e.Start, e.Length) is var p and >= 0) hitPlaces.Add(p);
            leadHits[t] = hitPlaces.Count(places.IsSubPointLead);
            inOpening[t] = hitPlaces.Any(p => !places.IsSubPointLead(p) || p == firstLead);
            subject[t] = hitPlaces.Count > 0 || Share(places, counting[t]) >= MostOfTheText;
            firstHit[t] = counting[t].Count > 0 ? counting[t].Min(e => e.Start) : int.MaxValue;
        }
        if (subject.Count(s => s) > MaxSubjects)
        {
            // A grab-bag of sub-points: what the item opens with, and what two or more sub-points lead with.
            for (var t = 0; t < tags.Count; t++) subject[t] &= inOpening[t] || leadHits[t] >= 2;
            var beyond = Enumerable.Range(0, tags.Count).Where(t => subject[t]).OrderBy(t => firstHit[t]).ThenBy(t => t).Skip(MaxSubjects).ToList();
            foreach (var t in beyond) subject[t] = false;
        }
        var result = new ThemeTag[tags.Count];
        for (var t = 0; t < tags.Count; t++)
            result[t] = tags[t] with { Strength = subject[t] ? ThemeStrength.Subject : ThemeStrength.Mention };
        return result;
    }

    /// <summary>
    /// A list member, unless the theme holds more than half of the list's members (a list of the theme's own parts,
    /// `有限空间、粉尘涉爆、涉氨制冷`, names the theme).
    /// </summary>
    private static bool Listed(ItemPlaces places, IReadOnlyList<ThemeTag> tags, int theme, ThemeEvidence evidence)
    {
        foreach (var members in places.Lists)
        {
            if (!members.Any(m => m.Contains(evidence.Start, evidence.Length))) continue;
            // The first member holds the verb of the whole list (`严厉打击持假证、假培训…`): words followed by more of
            // that member are the verb, not a member; a listed sector ends it (`突出抓好矿山、`).
            if (members[0].Contains(evidence.Start, evidence.Length) && members[0].End - (evidence.Start + evidence.Length) > ListedTail) return false;
            var own = members.Count(m => tags[theme].Evidence.Any(e => m.Contains(e.Start, e.Length)));
            return own * 2 <= members.Count;
        }
        return false;
    }

    /// <summary>排查、管控、专项整治 after another theme's words in the same clause are that theme's work.</summary>
    private static bool FollowsOther(ItemPlaces places, List<ThemeEvidence>[] counting, ThemeRole[] roles, int theme, ThemeEvidence evidence)
    {
        var clause = places.ClauseOf(evidence.Start);
        for (var t = 0; t < counting.Length; t++)
        {
            if (t == theme || roles[t] == ThemeRole.Verb) continue;
            if (counting[t].Any(e => e.Start < evidence.Start && e.Start >= clause.Start)) return true;
        }
        return false;
    }

    /// <summary>Outside the leads, words that stand right before another theme's words in one clause say whose or where.</summary>
    private static bool Modifies(ItemPlaces places, List<ThemeEvidence>[] counting, ThemeRole[] roles, int theme, ThemeEvidence evidence)
    {
        // The heading, the first clause and each sub-point's lead are leads: there the modifier is part of what is committed to.
        if (places.Lead.Contains(evidence.Start, evidence.Length)) return false;
        if (places.PlaceOf(evidence.Start, evidence.Length) is var p and >= 0 && places.IsSubPointLead(p)) return false;
        var clause = places.ClauseOf(evidence.Start);
        var end = evidence.Start + evidence.Length;
        for (var t = 0; t < counting.Length; t++)
        {
            if (t == theme || roles[t] == ThemeRole.Verb) continue;
            // Within one noun phrase: a 、 between the two makes them members of a list, not a modifier and its head.
            if (counting[t].Any(e => e.Start >= end && e.Start - end <= ModifierGap && e.Start < clause.End
                && places.Text.AsSpan(end, e.Start - end).IndexOf('、') < 0)) return true;
        }
        return false;
    }

    /// <summary>The lead commits to an instrument (technology, training, standardisation) and to no sector.</summary>
    private static bool LeadIsInstrument(ItemPlaces places, List<ThemeEvidence>[] counting, ThemeRole[] roles)
    {
        bool InLead(int t) => counting[t].Any(e => places.Lead.Contains(e.Start, e.Length));
        var instrument = false;
        for (var t = 0; t < counting.Length; t++)
        {
            if (!InLead(t)) continue;
            if (roles[t] == ThemeRole.Sector) return false;
            instrument |= roles[t] == ThemeRole.Instrument;
        }
        return instrument;
    }

    /// <summary>
    /// The share of the body in clauses that carry the theme's counting evidence: clauses, not sentences, because plans
    /// chain several tasks into one long sentence and a theme named in one clause of it does not take the sentence.
    /// </summary>
    private static double Share(ItemPlaces places, List<ThemeEvidence> evidence)
    {
        if (places.Body.Length == 0 || evidence.Count == 0) return 0;
        var chars = places.Clauses.Where(c => c.Start >= places.Body.Start && c.End <= places.Body.End + 1)
            .Where(c => evidence.Any(e => c.Contains(e.Start, e.Length))).Sum(c => c.Length);
        return (double)chars / places.Body.Length;
    }
}
