namespace PlanAtlas.Analyze;

/// <summary>One occurrence of a term in a text: which term (its index in the list given) and where.</summary>
public readonly record struct TermMatch(int Term, int Start, int Length)
{
    public int End => Start + Length;
    public bool Overlaps(TermMatch other) => Start < other.End && other.Start < End;
}

/// <summary>
/// Aho–Corasick automaton over a fixed list of terms: finds every occurrence of every term, overlapping ones
/// included, in one pass over the text, whatever the number of terms. Built once, then read-only and
/// thread-safe. Hand-written: .NET's SearchValues&lt;string&gt; finds the first match but not which term or
/// the overlapping ones, and no maintained NuGet package does this for UTF-16 spans.
/// </summary>
public sealed class TermMatcher
{
    private readonly List<Dictionary<char, int>> _next = [];
    private readonly List<int> _fail = [];
    // Terms ending at each state, including those reached through failure links (computed once at build).
    private readonly List<int[]> _output = [];
    private readonly int[] _lengths;
    // A bit per UTF-16 unit that starts some term: from the root, any other character leads nowhere, without a lookup.
    private readonly ulong[] _starts = new ulong[1 << 10];

    public TermMatcher(IReadOnlyList<string> terms)
    {
        _lengths = terms.Select(t => t.Length).ToArray();
        var outputs = new List<List<int>>();
        NewState(outputs);
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Length == 0) continue;
            var state = 0;
            foreach (var c in terms[i])
            {
                if (!_next[state].TryGetValue(c, out var to)) { to = NewState(outputs); _next[state][c] = to; }
                state = to;
            }
            outputs[state].Add(i);
        }
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values) queue.Enqueue(child);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (c, child) in _next[state])
            {
                var f = _fail[state];
                while (f != 0 && !_next[f].ContainsKey(c)) f = _fail[f];
                _fail[child] = _next[f].TryGetValue(c, out var target) && target != child ? target : 0;
                outputs[child].AddRange(outputs[_fail[child]]);
                queue.Enqueue(child);
            }
        }
        foreach (var o in outputs) _output.Add(o.ToArray());
        foreach (var c in _next[0].Keys) _starts[c >> 6] |= 1UL << (c & 63);
    }

    /// <summary>Every occurrence, ordered by start, then longest first.</summary>
    public List<TermMatch> Matches(ReadOnlySpan<char> text)
    {
        var found = new List<TermMatch>();
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (state == 0 && (_starts[c >> 6] & (1UL << (c & 63))) == 0) continue;
            while (state != 0 && !_next[state].ContainsKey(c)) state = _fail[state];
            state = _next[state].GetValueOrDefault(c);
            foreach (var term in _output[state])
                found.Add(new TermMatch(term, i - _lengths[term] + 1, _lengths[term]));
        }
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return found;
    }

    private int NewState(List<List<int>> outputs)
    {
        _next.Add([]);
        _fail.Add(0);
        outputs.Add([]);
        return _next.Count - 1;
    }
}
