// The query language shared by the search page and the highlighter: terms separated by spaces, "quoted
// phrases" kept whole; a term matches text that contains it exactly (NFKC, case-insensitive).
(function (root) {
  'use strict';

  // Characters the index stores as words of their own (Index/SearchText.cs IsCjk: keep the two in step).
  function isCjk(cp) {
    return (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
  }
  var wordChar = /[\p{L}\p{N}]/u;

  function normalize(text) { return text.normalize('NFKC').toLowerCase(); }

  function parse(query) {
    var terms = [];
    var re = /["“”]([^"“”]+)["“”]|(\S+)/g, m;
    while ((m = re.exec(query || '')) !== null) {
      var term = (m[1] || m[2] || '').trim();
      if (term && terms.indexOf(term) < 0) terms.push(term);
    }
    return terms;
  }

  // The words of a term as the index holds them. A CJK punctuation mark takes a position but is not searchable
  // (null); ASCII punctuation makes the positions unpredictable, so such a term is checked on the text only.
  function tokens(term) {
    var words = [], run = '', positional = true;
    Array.from(term.toLowerCase()).forEach(function (ch) {
      var cp = ch.codePointAt(0);
      if (isCjk(cp)) {
        if (run) { words.push(run); run = ''; }
        words.push(wordChar.test(ch) ? ch : null);
      } else if (wordChar.test(ch)) {
        run += ch;
      } else {
        if (run) { words.push(run); run = ''; }
        if (!/\s/.test(ch)) positional = false;
      }
    });
    if (run) words.push(run);
    return { words: words, positional: positional };
  }

  root.PlanAtlasSearchTerms = { parse: parse, tokens: tokens, normalize: normalize };
})(window);
