// Draws every chart on the page from its figure JSON file (written by the generator with Plotly.NET).
// Charts are data files, not inline script, so the Content-Security-Policy can forbid inline code.
(function () {
  'use strict';
  if (!window.Plotly) return;
  var config = { responsive: true, displaylogo: false, locale: 'zh-CN' };
  Array.prototype.forEach.call(document.querySelectorAll('.chart-plot[data-figure]'), function (el) {
    fetch(el.getAttribute('data-figure'))
      .then(function (r) { if (!r.ok) throw new Error(r.status + ' ' + r.url); return r.json(); })
      .then(function (figure) {
        var layout = figure.layout || {};
        layout.autosize = true;
        delete layout.width;
        return Plotly.newPlot(el, figure.data || [], layout, config);
      })
      .then(function (plot) {
        // Points that carry a link in customdata open it (the item map links each point to its item).
        plot.on('plotly_click', function (e) {
          var p = e && e.points && e.points[0];
          if (p && typeof p.customdata === 'string' && p.customdata.charAt(0) === '/') location.href = p.customdata;
        });
      })
      .catch(function (err) { el.textContent = '图表加载失败：' + err.message; });
  });
})();
