// The audit ledger for auditors and administrators: the verify result (GET /api/audit/ledger/verify), the
// rows (GET /api/audit/ledger) and their export (GET /api/audit/export). The person's ID number goes in the
// X-Person-Id-Number header, never into an address; answers never contain it.
import { ApiError } from './api.js';
import { initPage } from './header.js';
import { lang, t } from './i18n.js';
import { el, clear, formatDateTime, showMessage, showProblem, busy, renderPaging } from './ui.js';

const PAGE_SIZE = 50;
const ID_HEADER = 'X-Person-Id-Number';
const ACTIONS = ['submit', 'complete', 'claim', 'transfer', 'delegate', 'urge', 'cc', 'withdraw', 'appeal', 'objection',
  'stage_changed', 'status_changed', 'notice_issued', 'view_personal_data', 'material_viewed', 'login', 'login_failed',
  'api_login', 'ledger_export'];
const state = { page: 0 };
const form = document.getElementById('filters');

function filters() {
  const f = form.elements;
  const params = new URLSearchParams();
  for (const name of ['applicationId', 'actor', 'action', 'from', 'to']) {
    const v = f[name].value.trim();
    if (v) params.set(name, v);
  }
  const headers = { Accept: 'application/json', 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN' };
  const person = f.idNumber.value.trim().toUpperCase();
  if (person) headers[ID_HEADER] = person;
  return { params, headers };
}

async function call(path, params, headers) {
  const qs = params.toString();
  const response = await fetch(qs ? `${path}?${qs}` : path, { headers, credentials: 'same-origin' });
  if (response.status === 401) {
    location.assign('/login?expired');
    throw new ApiError(401, null);
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    throw new ApiError(response.status, type.includes('json') ? await response.json().catch(() => null) : null);
  }
  return response;
}

async function verify() {
  const out = document.getElementById('verify-result');
  out.textContent = t('common.loading');
  try {
    const result = await (await call('/api/audit/ledger/verify', new URLSearchParams(), { Accept: 'application/json' })).json();
    out.className = result.ok ? 'verify-ok' : 'verify-broken';
    out.dataset.ok = String(result.ok);
    out.textContent = result.ok
      ? t('ledger.verify.ok', { checked: result.checked })
      : t('ledger.verify.broken', { checked: result.checked, seq: result.firstBrokenSeq });
  } catch (e) {
    showProblem(document.getElementById('page-message'), e);
  }
}

function render(page) {
  const list = clear(document.getElementById('list'));
  if (!page.items.length) {
    list.append(el('p', { class: 'empty' }, t('ledger.empty')));
    return;
  }
  list.append(el('table', { class: 'data', id: 'ledger-table' },
    el('thead', {}, el('tr', {}, ['ledger.col.seq', 'ledger.col.at', 'ledger.col.actor', 'ledger.col.action', 'ledger.col.target',
      'ledger.col.detail', 'ledger.col.client', 'ledger.col.hash'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, page.items.map((r) => el('tr', { class: 'ledger-row', dataset: { seq: r.seq } },
      el('td', { class: 'num' }, String(r.seq)),
      el('td', {}, el('time', { datetime: r.at }, formatDateTime(r.at))),
      el('td', {}, r.actor),
      el('td', {}, el('code', {}, r.action)),
      el('td', {}, r.target || ''),
      el('td', { class: 'ledger-detail' }, el('code', {}, r.detail || '')),
      el('td', {}, r.client || ''),
      el('td', { class: 'hash', title: `${t('ledger.col.prevHash')}: ${r.prevHash}` }, el('code', {}, r.hash.substring(0, 12) + '…')))))));
}

function showPaging(page) {
  renderPaging(document.getElementById('paging'), page, (n) => { state.page = n; load(); });
}

async function load() {
  showMessage(document.getElementById('list-message'), '');
  const { params, headers } = filters();
  params.set('page', String(state.page));
  params.set('size', String(PAGE_SIZE));
  try {
    const page = await (await call('/api/audit/ledger', params, headers)).json();
    render(page);
    showPaging(page);
  } catch (e) {
    showProblem(document.getElementById('list-message'), e, form);
  }
}

async function download(format) {
  const { params, headers } = filters();
  params.set('format', format);
  try {
    const response = await call('/api/audit/export', params, { ...headers, Accept: '*/*' });
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="?([^";]+)"?/.exec(disposition);
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: match ? match[1] : `ledger.${format}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    showProblem(document.getElementById('list-message'), e, form);
  }
}

await initPage('ledger');
const actions = document.getElementById('ledger-actions');
for (const a of ACTIONS) actions.append(el('option', { value: a }));
document.getElementById('verify-button').addEventListener('click', (e) => busy(e.currentTarget, verify));
document.getElementById('export-xlsx').addEventListener('click', (e) => busy(e.currentTarget, () => download('xlsx')));
document.getElementById('export-csv').addEventListener('click', (e) => busy(e.currentTarget, () => download('csv')));
form.addEventListener('submit', (e) => { e.preventDefault(); state.page = 0; load(); });
form.addEventListener('reset', () => setTimeout(() => { state.page = 0; load(); }));
await Promise.all([verify(), load()]);
document.body.dataset.ready = 'true';
