// Peer-group switcher of the compare page: shows the chosen group's section, hides the others.
// Every group is rendered into the page, so no server is needed; without script all groups stay visible.
(function () {
  'use strict';
  var select = document.getElementById('peer-group-select');
  if (!select) return;
  var sections = Array.prototype.slice.call(document.querySelectorAll('.peer-group[data-group]'));
  function show(group) {
    sections.forEach(function (s) { s.hidden = s.getAttribute('data-group') !== group; });
  }
  var fromHash = location.hash.replace(/^#group-/, '');
  if (fromHash && sections.some(function (s) { return s.getAttribute('data-group') === fromHash; })) select.value = fromHash;
  select.addEventListener('change', function () {
    show(select.value);
    history.replaceState(null, '', '#group-' + select.value);
  });
  show(select.value);
})();
