/*
 * Zeren: the "办理操作" tab of a task in Tasklist (docs/approval-operations.md). It asks Zeren which approval
 * operations the signed-in person may do on the task now (退回, 转办, 委派, 办回, 加签, 加签意见, 抄送, 催办) and sends
 * them with the session of the one login and Spring Security's CSRF token from that answer. People are chosen by
 * name; the server checks every rule again.
 */
const BASE = '/my/task-operations/';

const LABELS = {
  'return': '退回',
  transfer: '转办',
  delegate: '委派',
  resolve: '办回（交还委派人）',
  'add-signer': '加签',
  sign: '签署加签意见',
  cc: '抄送',
  urge: '催办'
};

const HINTS = {
  'return': '退回到本流程已经办理过的环节，由当时的办理人重新办理。',
  transfer: '交由他人办理，他成为办理人，您不再办理。',
  delegate: '请他人协助办理，办完后交还给您，由您完成。',
  resolve: '协助办理完毕，交还给委派人。',
  'add-signer': '请他人先签署意见，签署后您才能完成本任务。',
  sign: '签署您的意见后，本加签任务即完成。',
  cc: '让他人知悉本任务，他们只能查看，不能办理。',
  urge: '提醒办理人尽快办理。'
};

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text != null) {
    node.textContent = text;
  }
  return node;
}

async function problemText(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || '操作未成功，请稍后再试。';
  } catch (e) {
    return '操作未成功，请稍后再试。';
  }
}

function render(node, taskId) {
  node.textContent = '';
  const box = el('div', { 'class': 'zeren-ops', style: 'padding: 10px 15px; max-width: 640px' });
  node.appendChild(box);
  const status = el('div', { 'class': 'zeren-ops-status', role: 'status', style: 'margin-bottom: 10px' });
  box.appendChild(status);
  fetch(BASE + encodeURIComponent(taskId), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(async response => {
      if (!response.ok) {
        status.textContent = await problemText(response);
        return;
      }
      const answer = await response.json();
      const task = answer.task;
      const csrf = answer.csrf;
      if (!task.operations.length) {
        box.appendChild(el('p', { 'class': 'text-muted' }, '本任务当前没有您可以办理的操作。'));
      }
      task.operations.forEach(op => box.appendChild(section(op, task, csrf, status, node, taskId)));
      const link = el('p', { style: 'margin-top: 15px' });
      link.appendChild(el('a', { href: '/my/cc', target: '_blank', id: 'zeren-ops-cc-link' }, '抄送我的'));
      box.appendChild(link);
    })
    .catch(() => {
      status.textContent = '暂时无法读取可办理的操作，请稍后再试。';
    });
}

function section(op, task, csrf, status, node, taskId) {
  const form = el('form', { 'class': 'zeren-op', 'data-op': op, style: 'border-top: 1px solid #ddd; padding: 8px 0' });
  form.appendChild(el('h4', { style: 'font-size: 15px' }, LABELS[op] || op));
  form.appendChild(el('p', { 'class': 'text-muted small' }, HINTS[op] || ''));
  let step;
  let person;
  if (op === 'return') {
    step = el('select', { 'class': 'form-control', name: 'step', 'aria-label': '退回到' });
    task.returnSteps.forEach(s => step.appendChild(el('option', { value: s.key }, s.name)));
    form.appendChild(step);
  }
  if (['transfer', 'delegate', 'add-signer', 'cc'].includes(op)) {
    person = el('select', { 'class': 'form-control', name: 'person', 'aria-label': '人员' });
    if (op === 'cc') {
      person.setAttribute('multiple', 'multiple');
      person.setAttribute('size', '6');
    } else {
      person.appendChild(el('option', { value: '' }, '请选择人员'));
    }
    task.people.forEach(p => person.appendChild(el('option', { value: p.value }, p.label)));
    form.appendChild(person);
  }
  const comment = el('textarea', { 'class': 'form-control', name: 'comment', rows: '2',
    placeholder: op === 'sign' ? '加签意见（必填）' : '说明（可选）', style: 'margin-top: 6px' });
  form.appendChild(comment);
  const button = el('button', { type: 'submit', 'class': 'btn btn-default', style: 'margin-top: 6px' }, LABELS[op] || op);
  form.appendChild(button);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const body = { comment: comment.value };
    if (step) {
      body.step = step.value;
    }
    if (person && op === 'cc') {
      body.people = Array.from(person.selectedOptions).map(o => o.value);
    } else if (person) {
      body.person = person.value;
    }
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (csrf) {
      headers[csrf.headerName] = csrf.token;
    }
    button.disabled = true;
    fetch(BASE + encodeURIComponent(taskId) + '/' + op, {
      method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(body)
    }).then(async response => {
      button.disabled = false;
      if (!response.ok) {
        status.textContent = await problemText(response);
        return;
      }
      status.textContent = (LABELS[op] || op) + '已办理。';
      if (['return', 'transfer', 'delegate', 'resolve', 'sign'].includes(op)) {
        // The task has left this person (or changed holder): back to the list.
        window.location.hash = '#/';
        window.location.reload();
      }
    }).catch(() => {
      button.disabled = false;
      status.textContent = '操作未成功，请稍后再试。';
    });
  });
  return form;
}

export default [{
  id: 'zeren.task.operations',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  render: (node, { taskId }) => render(node, taskId),
  properties: {
    label: '办理操作'
  }
}];
