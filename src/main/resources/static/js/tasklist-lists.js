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

// 抄送我的: notices copied to the person are not tasks (a copy gives no power on the task, so no Camunda filter can
// list it: docs/approval-operations.md); the page that lists them is linked under the preset filters.
(function linkCopiesUnderTheFilters() {
  function add() {
    var filters = document.querySelector('[cam-tasklist-filters]');
    if (!filters || document.getElementById('zeren-cc-link')) {
      return;
    }
    var english = (navigator.language || 'zh').toLowerCase().indexOf('en') === 0;
    var box = document.createElement('div');
    box.className = 'zeren-cc';
    var link = document.createElement('a');
    link.id = 'zeren-cc-link';
    link.href = '/my/cc';
    link.target = '_self';
    link.textContent = english ? 'Copied to me' : '抄送我的';
    var hint = document.createElement('div');
    hint.className = 'zeren-cc-hint';
    hint.textContent = english ? 'Notices copied to you, read only' : '他人抄送给我的知会，只读';
    box.appendChild(link);
    box.appendChild(hint);
    filters.appendChild(box);
  }
  new MutationObserver(add).observe(document.documentElement, { childList: true, subtree: true });
  add();
})();
