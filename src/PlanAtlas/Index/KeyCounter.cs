namespace PlanAtlas.Index;

/// <summary>
/// Counts the keys (<see cref="TermKeys"/>) of one text in an open-addressing table that is reused from text to
/// text: a text has a few thousand distinct keys, so the table stays in cache and clearing it costs only the
/// slots that were used.
/// </summary>
public sealed class KeyCounter
{
    private ulong[] _keys = new ulong[1 << 12];
    private int[] _counts = new int[1 << 12];
    private readonly List<int> _used = [];

    public int Distinct => _used.Count;

    /// <summary>Counts the keys of <paramref name="normalized"/>, replacing what the counter held.</summary>
    public void Count(string normalized)
    {
        foreach (var slot in _used) _counts[slot] = 0;
        _used.Clear();
        var previous = -1;
        for (var i = 0; i < normalized.Length; i++)
        {
            int point = normalized[i];
            if (char.IsHighSurrogate(normalized[i]) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
                point = char.ConvertToUtf32(normalized[i], normalized[++i]);
            Add(TermKeys.Pack(point, 0));
            if (previous >= 0) Add(TermKeys.Pack(previous, point));
            previous = point;
        }
    }

    /// <summary>The key and count in the n-th used slot (n &lt; <see cref="Distinct"/>), in the order first seen.</summary>
    public (ulong Key, int Count) this[int n] => (_keys[_used[n]], _counts[_used[n]]);

    private void Add(ulong key)
    {
        if (_used.Count * 2 >= _keys.Length) Grow();
        var mask = _keys.Length - 1;
        var slot = (int)(Mix(key) & (uint)mask);
        while (_counts[slot] != 0 && _keys[slot] != key) slot = (slot + 1) & mask;
        if (_counts[slot]++ == 0)
        {
            _keys[slot] = key;
            _used.Add(slot);
        }
    }

    private static uint Mix(ulong key) => (uint)((key * 0x9E3779B97F4A7C15UL) >> 32);

    private void Grow()
    {
        var entries = _used.Select(s => (_keys[s], _counts[s])).ToList();
        _keys = new ulong[_keys.Length * 2];
        _counts = new int[_counts.Length * 2];
        _used.Clear();
        var mask = _keys.Length - 1;
        foreach (var (key, count) in entries)
        {
            var slot = (int)(Mix(key) & (uint)mask);
            while (_counts[slot] != 0) slot = (slot + 1) & mask;
            _keys[slot] = key;
            _counts[slot] = count;
            _used.Add(slot);
        }
    }
}
