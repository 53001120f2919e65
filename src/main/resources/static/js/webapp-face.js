// Zeren's face in the Camunda webapps (Tasklist, Cockpit, Admin, Welcome), imported by each webapp's scripts/config.js.
// See docs/webapps-l10n.md. Camunda 7.24 has no configuration switch for any of this, so:
// - the vendor's end-of-life banner (div.ce-eol-banner, shown whenever the edition is CE, hard-coded) is hidden by a
//   style rule inserted before the app renders (no flash, nothing for AngularJS to fight over);
// - the header names the product and the agency (GET /webapp-face) and links back to Zeren's workbench;
// - controls staff may not use are hidden: 新建任务 (creating a task is refused by the engine API gate), the × that
//   clears a due date or a follow-up date (staff may not change task dates: PUT /task/{id} is not theirs), 添加备注 (comments are read through the engine's history,
//   which staff may not read: the engine answers "No task found");
// - form-js inside Tasklist (lib/deps.js) has no translation hook: its client texts are replaced as they appear
//   (MutationObserver), and its date picker (flatpickr, global window.flatpickr) gets Chinese names, weeks from
//   Monday and dates as yyyy-MM-dd.
(function () {
  'use strict';

  var style = document.createElement('style');
  style.setAttribute('data-zeren', 'webapp-face');
  style.textContent = [
    '.ce-eol-banner { display: none !important; }',
    // 新建任务 (Tasklist's create-task plugin in the header) and the × clearing a due date
    // (新建任务 has no class of its own: hidden by its text below), the × clearing a due date, 添加备注
    'a.reset-due-date, a.reset-follow-up-date, a.createCommentLink { display: none !important; }',
    '.zeren-face { display: inline-flex; align-items: center; gap: .75em; margin-left: .75em; color: inherit; }',
    '.zeren-face a { color: inherit; text-decoration: underline; }'
  ].join('\n');
  (document.head || document.documentElement).appendChild(style);

  // Exact texts of form-js (7.24 bundle) and their Chinese; patterns for the texts with a number or a pattern.
  var TEXTS = {
    'Field is required.': '此项为必填项。',
    'Field must be a valid email.': '请填写有效的电子邮箱地址。',
    'Select': '请选择',
    'Search': '搜索',
    'No values': '暂无可选项',
    'No results': '没有匹配的选项',
    'Add new': '添加一行',
    'Remove item': '删除此行',
    'Collapse': '收起',
    'Expand': '展开',
    'Previous': '上一页',
    'Next': '下一页',
    'Clear': '清除',
    'Date': '日期',
    'Time': '时间'
  };
  var PATTERNS = [
    [/^Field must have minimum length of (\d+)\.$/, '至少填写 $1 个字。'],
    [/^Field must have maximum length of (\d+)\.$/, '最多填写 $1 个字。'],
    [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
    [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
    [/^Field must match pattern (.+)\.$/, '格式不符合要求。'],
    [/^Field must be a valid\s+international phone number\..*$/, '请填写有效的电话号码。']
  ];
  var TEXT_ROOTS = '.fjs-container';

  function chinese(text) {
    var trimmed = text.trim();
    if (Object.prototype.hasOwnProperty.call(TEXTS, trimmed)) {
      return text.replace(trimmed, TEXTS[trimmed]);
    }
    for (var i = 0; i < PATTERNS.length; i++) {
      if (PATTERNS[i][0].test(trimmed)) {
        return text.replace(trimmed, trimmed.replace(PATTERNS[i][0], PATTERNS[i][1]));
      }
    }
    return null;
  }

  function translateNode(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      var parent = node.parentElement;
      if (parent && parent.closest(TEXT_ROOTS)) {
        var text = chinese(node.data);
        if (text !== null && text !== node.data) {
          node.data = text;
        }
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    var elements = node.matches && node.matches('input[placeholder], [aria-label]') ? [node] : [];
    elements = elements.concat(Array.prototype.slice.call(node.querySelectorAll('input[placeholder], [aria-label]')));
    elements.forEach(function (element) {
      if (!element.closest(TEXT_ROOTS)) {
        return;
      }
      ['placeholder', 'aria-label'].forEach(function (name) {
        var value = element.getAttribute(name);
        var text = value && chinese(value);
        if (text && text !== value) {
          element.setAttribute(name, text);
        }
      });
      if (element.classList.contains('flatpickr-input')) {
        isoDates(element);
      }
    });
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (var text = walker.nextNode(); text; text = walker.nextNode()) {
      translateNode(text);
    }
  }

  // flatpickr's Chinese names and weeks from Monday, for every picker created from now on.
  var flatpickrLocalized = false;
  function localizeFlatpickr() {
    if (flatpickrLocalized || !window.flatpickr || !window.flatpickr.localize) {
      return;
    }
    window.flatpickr.localize({
      weekdays: {
        shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
        longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
      },
      months: {
        shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
        longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
      },
      firstDayOfWeek: 1,
      rangeSeparator: ' 至 ',
      weekAbbreviation: '周',
      scrollTitle: '滚动切换',
      toggleTitle: '点击切换 12/24 小时时制',
      yearAriaLabel: '年',
      monthAriaLabel: '月',
      time_24hr: true,
      ordinal: function () { return ''; }
    });
    flatpickrLocalized = true;
  }

  // form-js sets the picker's format from the browser's locale (zh-CN: yyyy/M/d, en-US: M/d/yyyy): one format.
  function isoDates(input) {
    var picker = input._flatpickr;
    if (input.getAttribute('placeholder') !== 'yyyy-mm-dd') {
      input.setAttribute('placeholder', 'yyyy-mm-dd');
    }
    if (!picker || picker.config.dateFormat === 'Y-m-d') {
      return;
    }
    picker.set('dateFormat', 'Y-m-d');
    if (picker.l10n.firstDayOfWeek !== 1 && window.flatpickr && window.flatpickr.l10ns) {
      picker.set('locale', window.flatpickr.l10ns.default);
    }
    if (picker.selectedDates.length) {
      picker.setDate(picker.selectedDates, false);
    }
  }

  // Zeren's name, the agency and the way back to the workbench, in the header of every webapp.
  var face = null;
  function loadFace() {
    if (face !== null) {
      return;
    }
    face = {};
    fetch('/webapp-face', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (answer) { return answer.ok ? answer.json() : {}; })
      .then(function (data) { face = data || {}; showFace(); })
      .catch(function () { face = {}; });
  }

  function showFace() {
    var brand = document.querySelector('.navbar-brand.app-banner');
    if (!brand || !face || !face.product || brand.parentNode.querySelector('.zeren-face')) {
      return;
    }
    var box = document.createElement('span');
    box.className = 'zeren-face navbar-text';
    var name = document.createElement('strong');
    name.className = 'zeren-product';
    name.textContent = face.product;
    box.appendChild(name);
    if (face.agency) {
      var agency = document.createElement('span');
      agency.className = 'zeren-agency';
      agency.textContent = face.agency;
      box.appendChild(agency);
    }
    var home = document.createElement('a');
    home.className = 'zeren-home';
    home.href = face.home || '/';
    home.textContent = '工作台';
    box.appendChild(home);
    brand.parentNode.insertBefore(box, brand.nextSibling);
  }

  function hideRefusedControls(root) {
    // Text-matched as well, should Camunda rename the elements' attributes: only buttons and links.
    var controls = (root.querySelectorAll ? root : document).querySelectorAll('a, button');
    Array.prototype.forEach.call(controls, function (control) {
      var label = (control.textContent || '').trim();
      if (label === '新建任务' || label === '添加备注' || label === 'Create task' || label === 'Add Comment') {
        control.style.setProperty('display', 'none', 'important');
      }
    });
  }

  function onChange(mutations) {
    localizeFlatpickr();
    for (var i = 0; i < mutations.length; i++) {
      var mutation = mutations[i];
      if (mutation.type === 'characterData') {
        translateNode(mutation.target);
      }
      else if (mutation.type === 'attributes') {
        translateNode(mutation.target);
      }
      else {
        for (var j = 0; j < mutation.addedNodes.length; j++) {
          translateNode(mutation.addedNodes[j]);
        }
      }
    }
    showFace();
    hideRefusedControls(document);
  }

  function start() {
    loadFace();
    localizeFlatpickr();
    translateNode(document.body);
    new MutationObserver(onChange).observe(document.body, {
      childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder']
    });
  }

  if (document.body) {
    start();
  }
  else {
    document.addEventListener('DOMContentLoaded', start);
  }
})();
