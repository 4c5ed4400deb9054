// Sort and filter the plan table without a server. Loaded only on pages that have the table.
(function () {
  'use strict';
  var table = document.getElementById('plan-table');
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
    th.tabIndex = 0;
    function sort() {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var numeric = th.dataset.sort === 'number';
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
        var d = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : collator.compare(x, y);
        return ascending ? d : -d;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
  });

  var form = document.getElementById('plan-filters');
  if (!form) return;
  // The form is in the page from the start (disabled until this script runs), so turning it on moves nothing.
  form.elements[0].disabled = false;
  var params = new URLSearchParams(location.search);
  ['q', 'level', 'year', 'province'].forEach(function (name) { if (params.has(name) && form.elements[name]) form.elements[name].value = params.get(name); });

  function apply() {
    var q = form.elements.q.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) &&
        ['level', 'year', 'province'].every(function (name) { var v = form.elements[name].value; return !v || r.dataset[name] === v; });
      r.hidden = !ok;
      if (ok) shown++;
    });
    form.elements.count.value = shown + ' / ' + rows.length;
  }
  form.addEventListener('input', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  apply();
})();
