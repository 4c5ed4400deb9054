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
  var phone = window.matchMedia('(max-width: 40rem)').matches;
  var config = { responsive: true, displaylogo: false, displayModeBar: phone ? false : 'hover', locale: 'zh-CN' };
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

  // On a phone a legend beside the plot leaves the plot a sliver (the cluster map's 24 names): the legend goes
  // below it, and the figure grows by the rows it takes (two short names a row, a long one a row of its own).
  function legendBelow(data, layout) {
    var names = data.filter(function (t) { return t.showlegend !== false && t.type !== 'heatmap' && t.name; })
      .map(function (t) { return String(t.name); });
    if (names.length < 2 || layout.showlegend === false) return;
    var long = names.some(function (n) { return n.length > 10; });
    var rows = long ? names.length : Math.ceil(names.length / 2);
    layout.legend = Object.assign({}, layout.legend, { orientation: 'h', x: 0, xanchor: 'left', y: -0.15, yanchor: 'top' });
    layout.height = (layout.height || 450) + 20 * rows + 20;
  }

  // On a phone a chart with many categories along its width (23 themes) cannot show their names: Plotly leaves
  // out every other one. Bars are turned on their side, the categories down the page, one a row.
  var CROWDED = 10;
  function categoriesDown(data, layout) {
    var crowded = data.length > 0 && data.every(function (t) {
      // A heatmap already has its many categories (themes) down its side and scrolls sideways when wide (draw).
      return t.type === 'bar' && t.orientation !== 'h' && Array.isArray(t.x) &&
        t.x.length > CROWDED && typeof t.x[0] === 'string' && !t.xaxis && !t.yaxis;
    });
    if (!crowded) return;
    var rows = 0;
    data.forEach(function (t) {
      var x = t.x;
      t.x = t.y;
      t.y = x;
      if (t.type === 'bar') t.orientation = 'h';
      else ['z', 'text', 'hovertext', 'customdata'].forEach(function (k) { if (Array.isArray(t[k]) && Array.isArray(t[k][0])) t[k] = transpose(t[k]); });
      if (typeof t.hovertemplate === 'string') t.hovertemplate = t.hovertemplate.replace(/%\{(x|y)\}/g, function (m, a) { return a === 'x' ? '%{y}' : '%{x}'; });
      rows = Math.max(rows, t.y.length);
    });
    var xaxis = layout.xaxis || {};
    layout.xaxis = layout.yaxis || {};
    layout.yaxis = Object.assign({}, xaxis, { autorange: 'reversed', automargin: true });
    layout.height = Math.max(layout.height || 450, 22 * rows + 160);
  }

  function transpose(rows) {
    return rows[0].map(function (_, j) { return rows.map(function (row) { return row[j]; }); });
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
        if (phone) {
          legendBelow(fig.data || [], layout);
          categoriesDown(fig.data || [], layout);
        }
        return loaded[0].newPlot(el, fig.data || [], layout, config);
      })
      .then(function (plot) {
        // Points that carry a link in customdata open it (the item map links each point to its item).
        plot.on('plotly_click', function (e) {
          var p = e && e.points && e.points[0];
          if (p && typeof p.customdata === 'string' && p.customdata.charAt(0) === '/') location.href = p.customdata;
        });
        el.setAttribute('data-drawn', '');
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
