// Application search: GET /api/applications?type=&status=&stage=&q=&page=&size= (the caller's region).
// The dashboard links here with its figures' filters in the address (type, status, stage and the
// narrowing street, open, overdue, appealed); the narrowing is shown and can be cleared.
import { api } from './api.js';
import { initPage } from './header.js';
import { t, label } from './i18n.js';
import { STATUSES } from './codes.js';
import { typeCodes, typeName, stageName, stageOptions } from './types.js';
import { el, clear, formatDateTime, formatMoney, showMessage, showProblem, renderPaging } from './ui.js';

const state = { page: 0, narrowing: {} };
const NARROWING = ['street', 'open', 'overdue', 'appealed'];
const PAGE_SIZE = 20;

function options(select, entries) {
  const chosen = select.value;
  clear(select).append(el('option', { value: '' }, t('inbox.filter.all')));
  for (const { id, name } of entries) select.append(el('option', { value: id }, name));
  if (entries.some((e) => e.id === chosen)) select.value = chosen;
}

function stageFilter() {
  options(document.getElementById('filter-stage'), stageOptions(document.getElementById('filter-type').value, false));
}

function render(page) {
  const list = clear(document.getElementById('list'));
  if (!page.items.length) {
    list.append(el('p', { class: 'empty' }, t('apps.empty')));
    return;
  }
  list.append(el('table', { class: 'data', id: 'application-table' },
    el('thead', {}, el('tr', {}, ['case.number', 'case.type', 'apps.col.applicant', 'case.status', 'case.stage', 'case.amount', 'apps.col.createdAt']
      .map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, page.items.map((a) => {
      const href = `/applications/${a.id}`;
      const row = el('tr', { class: 'app-row', dataset: { id: a.id, number: a.number } },
        el('td', {}, el('a', { href }, a.number)),
        el('td', { class: 'type-name' }, typeName(a.type)),
        el('td', {}, a.applicant ? a.applicant.name : ''),
        el('td', {}, el('span', { class: `status status-${a.status}` }, label('status', a.status))),
        el('td', { class: 'stage-name' }, stageName(a.type, a.stage)),
        el('td', { class: 'num' }, formatMoney(a.amount)),
        el('td', {}, formatDateTime(a.createdAt)));
      row.addEventListener('click', (e) => { if (!e.target.closest('a')) location.assign(href); });
      return row;
    }))));
}

function showPaging(page) {
  renderPaging(document.getElementById('paging'), page, (n) => { state.page = n; load(); });
}

async function load() {
  const form = document.getElementById('filters');
  showMessage(document.getElementById('list-message'), '');
  try {
    const page = await api.get('/api/applications', {
      type: form.elements.type.value, status: form.elements.status.value, stage: form.elements.stage.value,
      q: form.elements.q.value.trim(), page: state.page, size: PAGE_SIZE, ...state.narrowing,
    });
    render(page);
    showPaging(page);
  } catch (e) {
    showProblem(document.getElementById('list-message'), e);
  }
}

const me = await initPage('applications');
if (me.roles.includes('clerk') || me.roles.includes('worker')) document.getElementById('new-application-link').hidden = false;
options(document.getElementById('filter-type'), typeCodes().map((id) => ({ id, name: typeName(id) })));
options(document.getElementById('filter-status'), STATUSES.map((id) => ({ id, name: label('status', id) })));
const address = new URLSearchParams(location.search);
for (const name of ['type', 'status']) if (address.get(name)) document.getElementById(`filter-${name}`).value = address.get(name);
stageFilter();
if (address.get('stage')) document.getElementById('filter-stage').value = address.get('stage');
for (const name of NARROWING) if (address.get(name)) state.narrowing[name] = address.get(name);
if (Object.keys(state.narrowing).length) {
  const clearLink = el('a', { href: '/applications', id: 'clear-narrowing' }, t('dash.clearFilter'));
  document.getElementById('filters').after(el('p', { id: 'dashboard-narrowing', class: 'muted' }, t('dash.filtered'), ' ',
    Object.entries(state.narrowing).map(([k, v]) => `${k}=${v}`).join(', '), ' ', clearLink));
}
document.getElementById('filter-type').addEventListener('change', stageFilter);
const form = document.getElementById('filters');
form.addEventListener('submit', (e) => { e.preventDefault(); state.page = 0; load(); });
form.addEventListener('change', (e) => { if (e.target.name !== 'q') { state.page = 0; load(); } });
form.addEventListener('reset', () => setTimeout(() => { state.page = 0; load(); }));
await load();
document.body.dataset.ready = 'true';
