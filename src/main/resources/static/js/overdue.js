// The overdue list of the caller's region (GET /api/overdue): tasks past their stage deadline, with 催办
// for reviewers and approvers, and cases past their statutory limit.
import { api } from './api.js';
import { initPage } from './header.js';
import { t } from './i18n.js';
import { el, clear, formatDate, formatDateTime, showProblem, flashNext, busy } from './ui.js';
import { typeName, stageName } from './types.js';

const me = await initPage('overdue');
const mayUrge = me.roles.includes('reviewer') || me.roles.includes('approver');
const message = document.getElementById('tasks-message');

function urgeCell(task) {
  if (!mayUrge) return el('td', {}, '');
  const text = el('input', { type: 'text', class: 'urge-message', 'aria-label': t('task.urgeMessage'), placeholder: t('task.urgeMessage'), 'data-field': 'message' });
  const button = el('button', { type: 'button', class: 'secondary urge', title: t('overdue.urgeHint') }, t('overdue.urge'));
  const cell = el('td', { class: 'urge-cell' }, text, ' ', button);
  button.addEventListener('click', () => busy(button, async () => {
    try {
      await api.post(`/api/tasks/${encodeURIComponent(task.id)}/urge`, { message: text.value.trim() || null });
      flashNext(t('task.urged'));
      location.reload();
    } catch (e) {
      showProblem(message, e, cell);
    }
  }));
  return cell;
}

try {
  const data = await api.get('/api/overdue');
  const tasks = clear(document.getElementById('overdue-tasks'));
  if (!data.tasks.length) {
    tasks.append(el('p', { class: 'empty' }, t('overdue.tasks.none')));
  } else {
    tasks.append(el('table', { class: 'data', id: 'overdue-task-table' },
      el('thead', {}, el('tr', {}, ['inbox.col.number', 'inbox.col.stage', 'inbox.col.assignee', 'inbox.col.due', 'task.urge']
        .map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, data.tasks.map((task) => el('tr', { class: 'row-overdue', dataset: { taskId: task.id, number: task.applicationNumber || '' } },
        el('td', {}, task.applicationId ? el('a', { href: `/applications/${task.applicationId}` }, task.applicationNumber) : ''),
        el('td', {}, stageName(task.type, task.taskKey)),
        el('td', {}, task.assignee || el('span', { class: 'muted' }, t('inbox.unassigned'))),
        el('td', {}, el('time', { datetime: task.due }, formatDateTime(task.due))),
        urgeCell(task))))));
  }
  const apps = clear(document.getElementById('overdue-applications'));
  if (!data.applications.length) {
    apps.append(el('p', { class: 'empty' }, t('overdue.applications.none')));
  } else {
    apps.append(el('table', { class: 'data', id: 'overdue-application-table' },
      el('thead', {}, el('tr', {}, ['case.number', 'case.type', 'case.stage', 'case.procedureDue'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, data.applications.map((a) => el('tr', { class: 'row-overdue' },
        el('td', {}, el('a', { href: `/applications/${a.id}` }, a.number)),
        el('td', {}, typeName(a.type)),
        el('td', {}, stageName(a.type, a.stage)),
        el('td', {}, formatDate(a.procedureDue)))))));
  }
} catch (e) {
  showProblem(document.getElementById('page-message'), e);
}
document.body.dataset.ready = 'true';
