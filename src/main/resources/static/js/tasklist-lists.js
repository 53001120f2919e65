// Zeren: the look of Tasklist's task lists (overdue tasks in red, no meaningless priority), kept in a stylesheet of
// its own so that other changes to Tasklist's styles merge without touching it. Imported by Tasklist's
// scripts/config.js; see docs/webapps-l10n.md.
(function addListStyles() {
  if (document.querySelector('link[data-zeren="tasklist-lists"]')) {
    return;
  }
  var link = document.createElement('link');
  link.rel = 'stylesheet';
  link.type = 'text/css';
  link.href = '/css/tasklist-lists.css';
  link.setAttribute('data-zeren', 'tasklist-lists');
  document.head.appendChild(link);
})();
