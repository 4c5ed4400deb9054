using System.Reflection;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Clustering;

/// <summary>Receives each term of a text as a span into the text (or into the tokenizer's own words): no string per term.</summary>
public delegate void TokenSink(ReadOnlySpan<char> term);

/// <summary>How item text becomes terms for clustering; the default was chosen by measurement (tools/themes/README.md).</summary>
public enum Tokenization
{
    /// <summary>Every pair of adjacent Chinese characters.</summary>
    CharBigrams,
    /// <summary>Lexicon words matched longest-first, character bigrams for the stretches between them.</summary>
    LexiconThenBigrams,
    /// <summary>Lexicon words matched longest-first and, besides, every bigram of the text.</summary>
    LexiconAndBigrams,
    /// <summary>Lexicon words matched longest-first, jieba's words for the stretches between them; no bigrams.</summary>
    JiebaWords,
    /// <summary>As <see cref="JiebaWords"/>, and every bigram of the text besides.</summary>
    JiebaWordsAndBigrams,
}

/// <summary>
/// Splits Chinese text (no spaces) into terms. Lexicon words (the taxonomy's signals plus a general work-safety
/// lexicon) are matched longest-first; by default every character bigram is kept as well (measured best against the
/// hand-labelled reference), or only the bigrams of the stretches no word covers. Boilerplate phrases
/// every plan repeats (深入贯彻, 进一步, 加强 …) are matched like words and then dropped, so a phrase inside a
/// longer word is not cut out of it. Built once; thread-safe.
/// </summary>
public sealed class ChineseTokenizer
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<string> _stop;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopLookup;
    private readonly int _longest;
    // First two characters of every word, and a bit per word length: most positions start no word, and this
    // answers that with one lookup instead of one per possible length.
    private readonly HashSet<int> _prefixes = [];
    private readonly ulong _lengths;

    public ChineseTokenizer(IEnumerable<string> extraWords, Tokenization mode = ItemClusterer.DefaultTokenization, bool dropBoilerplate = true)
    {
        Mode = mode;
        _stop = dropBoilerplate ? new HashSet<string>(ReadResource("stopphrases.txt"), StringComparer.Ordinal) : [];
        _stopLookup = _stop.GetAlternateLookup<ReadOnlySpan<char>>();
        _words = new HashSet<string>(StringComparer.Ordinal);
        if (mode != Tokenization.CharBigrams)
        {
            foreach (var w in ReadResource("lexicon.txt").Concat(extraWords)) if (w.Length >= 2 && w.All(IsHan)) _words.Add(w);
        }
        foreach (var w in _stop) if (w.Length >= 2) _words.Add(w);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _longest = _words.Count == 0 ? 0 : _words.Max(w => w.Length);
        foreach (var w in _words)
        {
            _prefixes.Add(w[0] << 16 | w[1]);
            _lengths |= 1UL << Math.Min(w.Length, 63);
        }
        Fingerprint = Hex(ContentHash.Key(string.Join('\n', _words.Order(StringComparer.Ordinal)) + "\n\n" + string.Join('\n', _stop.Order(StringComparer.Ordinal)) + "\n\n" + mode));
    }

    private static string Hex(ulong value) => value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public Tokenization Mode { get; }

    /// <summary>True for a lexicon word (as opposed to a character bigram that may cut across two words).</summary>
    public bool IsWord(string term) => _words.Contains(term) && !_stop.Contains(term);

    /// <summary>
    /// Identifies the tokenizer's behaviour (mode and word lists): terms of two tokenizers with the same fingerprint
    /// are the same, so a model trained with one can featurize with the other.
    /// </summary>
    public string Fingerprint { get; }

    public List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        Tokenize(text, term => tokens.Add(term.ToString()));
        return tokens;
    }

    /// <summary>The terms of <paramref name="text"/> in order, handed to <paramref name="sink"/> one by one.</summary>
    public void Tokenize(ReadOnlySpan<char> text, TokenSink sink)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsHan(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && IsHan(text[i])) i++;
            TokenizeRun(text[start..i], sink);
        }
    }

    private void TokenizeRun(ReadOnlySpan<char> run, TokenSink tokens)
    {
        var gapStart = 0;
        var i = 0;
        while (i < run.Length)
        {
            var length = LongestWordAt(run, i);
            if (length == 0) { i++; continue; }
            var word = run.Slice(i, length);
            var boilerplate = _stopLookup.Contains(word);
            if (Mode is Tokenization.JiebaWords or Tokenization.JiebaWordsAndBigrams)
            {
                Jieba(run[gapStart..i], tokens);
                if (!boilerplate) tokens(word);
            }
            else if (Mode == Tokenization.LexiconThenBigrams)
            {
                Bigrams(run[gapStart..i], tokens);
                if (!boilerplate) tokens(word);
            }
            // With every bigram kept, a two-character word would only repeat its own bigram.
            else if (length > 2 && !boilerplate) tokens(word);
            i += length;
            gapStart = i;
        }
        // Measured (tools/themes/README.md): keeping every bigram of the run, those across a boilerplate phrase
        // included, agrees best with the hand-labelled reference.
        if (Mode is Tokenization.JiebaWords or Tokenization.JiebaWordsAndBigrams)
        {
            Jieba(run[gapStart..], tokens);
            if (Mode == Tokenization.JiebaWordsAndBigrams) Bigrams(run, tokens);
            return;
        }
        Bigrams(Mode == Tokenization.LexiconThenBigrams ? run[gapStart..] : run, tokens);
    }

    /// <summary>jieba's words of a stretch no lexicon word covers: two characters or more, boilerplate dropped.</summary>
    private void Jieba(ReadOnlySpan<char> gap, TokenSink tokens)
    {
        if (gap.Length < 2) return;
        foreach (var word in JiebaWords.Cut(gap.ToString()))
            if (word.Length >= 2 && !_stop.Contains(word)) tokens(word);
    }

    private int LongestWordAt(ReadOnlySpan<char> run, int at)
    {
        if (run.Length - at < 2 || !_prefixes.Contains(run[at] << 16 | run[at + 1])) return 0;
        for (var length = Math.Min(_longest, run.Length - at); length >= 2; length--)
            if ((_lengths & (1UL << Math.Min(length, 63))) != 0 && _lookup.Contains(run.Slice(at, length))) return length;
        return 0;
    }

    private void Bigrams(ReadOnlySpan<char> gap, TokenSink tokens)
    {
        for (var j = 0; j + 1 < gap.Length; j++)
        {
            var pair = gap.Slice(j, 2);
            // A bigram across a function character (的, 和, 等 …) straddles two words: noise, not a term.
            if (pair.IndexOfAny(FunctionCharacters) >= 0) continue;
            if (!_stopLookup.Contains(pair)) tokens(pair);
        }
    }

    private static readonly System.Buffers.SearchValues<char> FunctionCharacters =
        System.Buffers.SearchValues.Create("的和与及等在对为了是把将由从于以并或其之各有要");

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static IEnumerable<string> ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PlanAtlas.Analyze.Clustering." + name)!;
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#')) lines.Add(line);
        }
        return lines;
    }
}
