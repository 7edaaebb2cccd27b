// The inbox: 待办 (mine), 待领 (group), 已办 (done), 抄送我的 (cc) from GET /api/tasks, and 待会签 from
// GET /api/signs. Filters and the search stay in the page (never in its address); the tab is in the hash.
import { api } from './api.js';
import { initPage } from './header.js';
import { t } from './i18n.js';
import { typeCodes, typeName, stageName, stageOptions } from './types.js';
import { el, clear, formatDateTime, showMessage, showProblem, flashNext, busy, renderPaging } from './ui.js';

const SCOPES = ['mine', 'group', 'done', 'cc', 'signs'];
const PAGE_SIZE = 20;
const state = { scope: 'mine', page: 0 };
const listMessage = () => document.getElementById('list-message');

function options(select, entries) {
  const chosen = select.value;
  clear(select).append(el('option', { value: '' }, t('inbox.filter.all')));
  for (const { id, name } of entries) select.append(el('option', { value: id }, name));
  if (entries.some((e) => e.id === chosen)) select.value = chosen;
}

/** The stage filter offers the stages of the chosen type (all types' when none is chosen). */
function stageFilter() {
  options(document.getElementById('filter-stage'), stageOptions(document.getElementById('filter-type').value, true));
}

async function setupFilters(me) {
  options(document.getElementById('filter-type'), typeCodes().map((id) => ({ id, name: typeName(id) })));
  stageFilter();
  document.getElementById('filter-type').addEventListener('change', stageFilter);
  if (me.regionLevel === 'district') {
    try {
      const regions = await api.get('/api/regions');
      const streets = regions.filter((r) => r.level === 'street' && r.parent === me.regionCode);
      const select = document.getElementById('filter-street');
      clear(select).append(el('option', { value: '' }, t('inbox.filter.all')));
      streets.forEach((s) => select.append(el('option', { value: s.code }, s.name)));
      document.getElementById('street-filter').hidden = false;
    } catch (e) {
      // the street filter is a convenience; the list works without it
    }
  }
  const form = document.getElementById('filters');
  form.addEventListener('submit', (e) => { e.preventDefault(); state.page = 0; load(); });
  form.addEventListener('change', (e) => { if (e.target.name !== 'q') { state.page = 0; load(); } });
  form.addEventListener('reset', () => setTimeout(() => { state.page = 0; load(); }));
}

function filters() {
  const form = document.getElementById('filters');
  return {
    type: form.elements.type.value,
    stage: form.elements.stage.value,
    street: form.elements.street.value,
    overdue: form.elements.overdue.checked,
    q: form.elements.q.value.trim(),
  };
}

function selectTab(scope) {
  state.scope = SCOPES.includes(scope) ? scope : 'mine';
  document.querySelectorAll('#tabs [role=tab]').forEach((tab) => {
    const selected = tab.dataset.scope === state.scope;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  });
  document.getElementById('tab-panel').setAttribute('aria-labelledby', `tab-${state.scope}`);
  document.getElementById('filters').hidden = state.scope === 'signs';
}

function setupTabs() {
  const tabs = [...document.querySelectorAll('#tabs [role=tab]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => { history.replaceState(null, '', `#${tab.dataset.scope}`); selectTab(tab.dataset.scope); state.page = 0; load(); });
    tab.addEventListener('keydown', (e) => {
      const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : null;
      if (next) { next.focus(); next.click(); }
    });
  });
  selectTab(location.hash.substring(1) || 'mine');
}

function rowClass(task) {
  if (task.overdue) return 'row-overdue';
  if (task.dueSoon) return 'row-due-soon';
  return '';
}

function dueCell(task) {
  const cell = el('td', {}, task.due ? el('time', { datetime: task.due }, formatDateTime(task.due)) : '—');
  if (task.overdue) cell.append(' ', el('span', { class: 'tag tag-overdue' }, t('inbox.overdue')));
  else if (task.dueSoon) cell.append(' ', el('span', { class: 'tag tag-due-soon' }, t('inbox.dueSoon')));
  return cell;
}

/** Open tasks go to the task page; finished (已办) and copied ones (read-only) to the application. */
function linkOf(task) {
  if (state.scope === 'done' || state.scope === 'cc') return task.applicationId ? `/applications/${task.applicationId}` : null;
  return `/tasks/${encodeURIComponent(task.id)}`;
}

function renderTasks(page) {
  const list = clear(document.getElementById('list'));
  if (!page.items.length) {
    list.append(el('p', { class: 'empty' }, t('inbox.empty')));
    return;
  }
  const who = state.scope === 'cc' ? 'inbox.col.from' : 'inbox.col.assignee';
  const table = el('table', { class: 'data', id: 'task-table' },
    el('thead', {}, el('tr', {},
      ['inbox.col.number', 'inbox.col.type', 'inbox.col.stage', who, 'inbox.col.due', 'inbox.col.created']
        .map((k) => el('th', { scope: 'col' }, t(k))))));
  const body = el('tbody');
  for (const task of page.items) {
    const href = linkOf(task);
    const number = task.applicationNumber || task.id;
    const row = el('tr', { class: `task-row ${rowClass(task)}`, dataset: { taskId: task.id, taskKey: task.taskKey, number: task.applicationNumber || '' } },
      el('td', {}, href ? el('a', { href, class: 'task-link' }, number) : number),
      el('td', { class: 'type-name' }, typeName(task.type)),
      el('td', { class: 'stage-name' }, stageName(task.type, task.taskKey)),
      el('td', {}, task.assignee || el('span', { class: 'muted' }, t('inbox.unassigned'))),
      state.scope === 'done' || state.scope === 'cc' ? el('td', {}, '—') : dueCell(task),
      el('td', {}, formatDateTime(task.created)));
    if (href) {
      row.addEventListener('click', (e) => { if (!e.target.closest('a')) location.assign(href); });
    }
    body.append(row);
  }
  table.append(body);
  list.append(table);
}

function showPaging(page) {
  renderPaging(document.getElementById('paging'), page, (n) => { state.page = n; load(); });
}

function renderSigns(signs) {
  const list = clear(document.getElementById('list'));
  if (!signs.length) {
    list.append(el('p', { class: 'empty' }, t('inbox.sign.empty')));
    return;
  }
  const cards = el('ul', { class: 'cards', id: 'sign-list' });
  for (const sign of signs) {
    const opinionId = `sign-opinion-${sign.id}`;
    const opinion = el('textarea', { id: opinionId, rows: 2, 'data-field': 'opinion' });
    const box = el('div', { hidden: true });
    const approve = el('button', { type: 'button', class: 'primary', dataset: { sign: 'approve' } }, t('inbox.sign.approve'));
    const reject = el('button', { type: 'button', class: 'danger', dataset: { sign: 'reject' } }, t('inbox.sign.reject'));
    const decide = (decision, button) => busy(button, async () => {
      if (decision === 'reject' && !opinion.value.trim()) {
        showMessage(box, t('task.opinionRequired', { decision: t('inbox.sign.reject') }));
        opinion.focus();
        return;
      }
      try {
        await api.post(`/api/signs/${sign.id}`, { decision, opinion: opinion.value.trim() || null });
        flashNext(t('inbox.sign.done'));
        location.reload();
      } catch (e) {
        showProblem(box, e, card);
      }
    });
    approve.addEventListener('click', () => decide('approve', approve));
    reject.addEventListener('click', () => decide('reject', reject));
    const card = el('li', { class: 'card', dataset: { signId: sign.id } },
      el('p', {}, el('a', { href: `/applications/${sign.applicationId}` }, `${t('case.number')} #${sign.applicationId}`),
        ' · ', stageName(sign.type, sign.taskKey)),
      el('p', { class: 'muted' }, `${t('inbox.sign.col.requestedBy')}: ${sign.requestedBy} · ${t('inbox.sign.col.at')}: ${formatDateTime(sign.createdAt)}`),
      el('label', { for: opinionId }, t('inbox.sign.opinion')), opinion, box,
      el('div', { class: 'actions' }, approve, reject));
    cards.append(card);
  }
  list.append(cards);
}

let loading = 0;
async function load() {
  const ticket = ++loading;
  showMessage(listMessage(), '');
  const list = document.getElementById('list');
  list.setAttribute('aria-busy', 'true');
  try {
    if (state.scope === 'signs') {
      const signs = await api.get('/api/signs');
      if (ticket !== loading) return;
      renderSigns(signs);
      showPaging(null);
      return;
    }
    const f = filters();
    const page = await api.get('/api/tasks', {
      scope: state.scope, type: f.type, stage: f.stage, street: f.street, overdue: f.overdue, q: f.q,
      page: state.page, size: PAGE_SIZE,
    });
    if (ticket !== loading) return;
    renderTasks(page);
    showPaging(page);
  } catch (e) {
    if (ticket === loading) showProblem(listMessage(), e);
  } finally {
    if (ticket === loading) list.removeAttribute('aria-busy');
  }
}

const me = await initPage('inbox');
setupTabs();
await setupFilters(me);
window.addEventListener('hashchange', () => { selectTab(location.hash.substring(1)); state.page = 0; load(); });
await load();
document.body.dataset.ready = 'true';
