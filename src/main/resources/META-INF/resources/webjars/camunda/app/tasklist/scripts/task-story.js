/*
 * Zeren: the 业务详情 tab of a task in Tasklist (plugin point tasklist.task.detail, loaded through customScripts in
 * config.js). The server renders the story — the business object the task is about and its history of decisions,
 * comments, operations and escalations — as an HTML fragment in the viewer's language, with the same session
 * (GET /tasks/{taskId}/story, io.zeren.workflow.TaskStoryPage). See docs/workbench.md.
 */
const NOT_LOADED = '业务详情暂时无法加载，请稍后刷新页面重试。';

function load(node, taskId) {
  node.innerHTML = '';
  if (!taskId) {
    return;
  }
  const box = document.createElement('div');
  box.className = 'zeren-story-box';
  box.setAttribute('data-task', taskId);
  box.textContent = '正在加载……';
  node.appendChild(box);
  fetch('/tasks/' + encodeURIComponent(taskId) + '/story', {
    credentials: 'same-origin',
    headers: { Accept: 'text/html' }
  })
    .then((answer) => {
      // A session that ended is sent to the login page: not a story.
      const type = answer.headers.get('Content-Type') || '';
      return type.indexOf('text/html') === 0 && !answer.redirected ? answer.text() : Promise.reject(answer.status);
    })
    .then((html) => {
      // The fragment is rendered by Zeren with Thymeleaf's escaping of every value: no user text is markup.
      box.innerHTML = html;
    })
    .catch(() => {
      box.textContent = NOT_LOADED;
    });
}

export default {
  id: 'zeren-task-story',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: {
    label: '业务详情'
  },
  render: (node, { taskId }) => load(node, taskId)
};
