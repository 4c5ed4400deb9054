// Draws every chart on the page from its figure JSON file (written by the generator with Plotly.NET).
// Charts are data files, not inline script, so the Content-Security-Policy can forbid inline code.
// plotly.js (over a megabyte) is fetched only when a chart comes near the screen: a page whose charts sit
// below the fold shows its text without paying for it.
(function () {
  'use strict';
  var plots = document.querySelectorAll('.chart-plot[data-figure]');
  var self = document.currentScript;
  if (plots.length === 0 || !self) return;
  // assets/js/charts.js → assets/vendor/plotly.min.js, under whatever base path the site is published at.
  var plotlyUrl = self.src.replace(/js\/charts\.js(\?.*)?$/, 'vendor/plotly.min.js');
  // The toolbar shows on hover only, and not at all on a phone (no hover there: it would stay over the title).
  var config = { responsive: true, displaylogo: false, displayModeBar: window.matchMedia('(max-width: 40rem)').matches ? false : 'hover', locale: 'zh-CN' };
  var loading = null;

  function plotly() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window.Plotly) { resolve(window.Plotly); return; }
        var script = document.createElement('script');
        script.src = plotlyUrl;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { reject(new Error(plotlyUrl)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function draw(el) {
    var figure = fetch(el.getAttribute('data-figure'))
      .then(function (r) { if (!r.ok) throw new Error(r.status + ' ' + r.url); return r.json(); });
    Promise.all([plotly(), figure])
      .then(function (loaded) {
        var fig = loaded[1], layout = fig.layout || {};
        layout.autosize = true;
        delete layout.width;
        // A heatmap keeps its columns at least 16 px wide beside its row labels and colour bar: on a phone a heatmap of
        // many regions scrolls sideways inside its box (.chart) rather than squeezing its labels into one another.
        var columns = layout.xaxis && layout.xaxis.tickvals;
        if (columns && (fig.data || []).some(function (t) { return t.type === 'heatmap'; })) el.style.minWidth = (columns.length * 16 + 220) + 'px';
        return loaded[0].newPlot(el, fig.data || [], layout, config);
      })
      .then(function (plot) {
        // Points that carry a link in customdata open it (the item map links each point to its item).
        plot.on('plotly_click', function (e) {
          var p = e && e.points && e.points[0];
          if (p && typeof p.customdata === 'string' && p.customdata.charAt(0) === '/') location.href = p.customdata;
        });
      })
      .catch(function (err) { el.textContent = '图表加载失败：' + err.message; });
  }

  if (!('IntersectionObserver' in window)) {
    Array.prototype.forEach.call(plots, draw);
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      draw(entry.target);
    });
  }, { rootMargin: '200px 0px' });
  Array.prototype.forEach.call(plots, function (el) { observer.observe(el); });
})();
