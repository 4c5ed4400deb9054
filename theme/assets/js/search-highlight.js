// Marks the searched terms on the page a search result opens (?highlight=…), then brings the target into view.
(function () {
  'use strict';
  var terms = window.PlanAtlasSearchTerms;
  var query = new URLSearchParams(location.search).get('highlight');
  var main = document.getElementById('main');
  if (!terms || !query || !main) return;
  var needles = terms.parse(query).map(function (t) { return t.toLowerCase(); });
  if (needles.length === 0) return;

  var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
    acceptNode: function (node) {
      var parent = node.parentNode;
      return parent && /^(SCRIPT|STYLE|MARK|TEXTAREA)$/.test(parent.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    }
  });
  var nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);

  var first = null;
  nodes.forEach(function (node) {
    var text = node.data, lower = text.toLowerCase(), cuts = [];
    needles.forEach(function (n) {
      for (var i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + n.length)) cuts.push([i, i + n.length]);
    });
    if (cuts.length === 0) return;
    cuts.sort(function (a, b) { return a[0] - b[0]; });
    var fragment = document.createDocumentFragment(), at = 0;
    cuts.forEach(function (c) {
      if (c[0] < at) return;
      fragment.appendChild(document.createTextNode(text.slice(at, c[0])));
      var mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = text.slice(c[0], c[1]);
      fragment.appendChild(mark);
      if (!first) first = mark;
      at = c[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(at)));
    node.parentNode.replaceChild(fragment, node);
  });

  var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target) {
    target.scrollIntoView({ block: 'start' });
  } else if (first) {
    first.scrollIntoView({ block: 'center' });
  }
})();
