// The query language shared by the search page and the highlighter: terms separated by spaces, "quoted
// phrases" kept whole; a term matches text that contains it exactly (NFKC, case-insensitive: the index stage
// normalizes the same way, Index/SearchText.cs).
(function (root) {
  'use strict';

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

  root.PlanAtlasSearchTerms = { parse: parse, normalize: normalize };
})(window);
