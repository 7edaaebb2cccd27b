// Auditors: search cases district-wide (GET /api/audit/applications), export them, open one: its
// timeline and the models it ran on with the path taken highlighted (bpmn-js NavigatedViewer).
// The ID number searched for goes in the X-Person-Id-Number header, never into an address, and is
// never shown back: answers carry masked ID numbers only.
import { api, ApiError } from './api.js';
import { initPage } from './header.js';
import { lang, t, label } from './i18n.js';
import { el, clear, formatDateTime, showProblem, busy } from './ui.js';
import { typeCodes, typeName, stageName } from './types.js';
import { STATUSES } from './codes.js';

const PERSON_HEADER = 'X-Person-Id-Number';
const form = document.getElementById('audit-filters');
const message = document.getElementById('page-message');

function options(select, entries) {
  clear(select).append(el('option', { value: '' }, t('inbox.filter.all')));
  for (const { id, name } of entries) select.append(el('option', { value: id }, name));
}

function filters() {
  const f = form.elements;
  return {
    regionCode: f.regionCode.value.trim(), type: f.type.value, stage: f.stage.value.trim(), actor: f.actor.value.trim(),
    from: f.from.value, to: f.to.value, status: f.status.value,
  };
}

/** A GET with the person's ID number in a header (our api helper sends no custom headers). */
async function fetchWithPerson(path, params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const headers = { 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN' };
  const idNumber = form.elements.idNumber.value.trim().toUpperCase();
  if (idNumber) headers[PERSON_HEADER] = idNumber;
  const response = await fetch(`${path}?${search}`, { headers, credentials: 'same-origin' });
  if (response.status === 401) {
    location.assign('/login?expired');
    throw new ApiError(401, null);
  }
  if (!response.ok) {
    const problem = (response.headers.get('Content-Type') || '').includes('json') ? await response.json().catch(() => null) : null;
    throw new ApiError(response.status, problem);
  }
  return response;
}

async function search() {
  const results = clear(document.getElementById('audit-results'));
  try {
    const page = await (await fetchWithPerson('/api/audit/applications', { ...filters(), size: 50 })).json();
    if (!page.items.length) {
      results.append(el('p', { class: 'empty', id: 'audit-none' }, t('audit.none')));
      return;
    }
    results.append(el('p', { class: 'muted' }, t('audit.total', { n: page.total })),
      el('table', { class: 'data', id: 'audit-table' },
        el('thead', {}, el('tr', {}, ['case.number', 'case.type', 'apps.col.applicant', 'audit.col.idNumber', 'case.status',
          'case.stage', 'apps.col.createdAt'].map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, page.items.map((a) => {
          const open = el('button', { type: 'button', class: 'link-button audit-open', dataset: { id: a.id } }, a.number);
          open.addEventListener('click', () => openCase(a));
          return el('tr', { dataset: { id: a.id, number: a.number } },
            el('td', {}, open),
            el('td', {}, typeName(a.type)),
            el('td', {}, a.applicantName),
            el('td', {}, a.applicantIdNumber),
            el('td', {}, el('span', { class: `status status-${a.status}` }, label('status', a.status))),
            el('td', {}, stageName(a.type, a.stage)),
            el('td', {}, formatDateTime(a.createdAt)));
        }))));
  } catch (e) {
    showProblem(message, e);
  }
}

async function download(format) {
  try {
    const response = await fetchWithPerson('/api/audit/applications/export', { ...filters(), format });
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: `cases.${format}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    showProblem(message, e);
  }
}

function changesText(entry) {
  const parts = [];
  for (const c of entry.changes || []) parts.push(`${c.field}: ${c.old ?? '—'} → ${c.new ?? '—'}`);
  if (entry.notice) parts.push(`${entry.notice.docNumber} · SHA-256 ${entry.notice.sha256}`);
  if (entry.detail && entry.kind === 'operation') {
    for (const [k, v] of Object.entries(entry.detail)) parts.push(`${k}: ${v}`);
  }
  return parts.join('；');
}

function actionText(entry) {
  return entry.kind === 'stage' || entry.kind === 'task' ? t(`audit.act.${entry.kind}.${entry.action}`) : label('action', entry.action);
}

function renderTimeline(entries) {
  const box = clear(document.getElementById('audit-timeline'));
  box.append(el('table', { class: 'data', id: 'audit-timeline-table' },
    el('thead', {}, el('tr', {}, ['audit.col.at', 'audit.col.kind', 'audit.col.stage', 'audit.col.action', 'audit.col.actor',
      'audit.col.opinion', 'audit.col.changes', 'audit.col.model'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, entries.map((e) => el('tr', { class: `timeline-${e.kind}`, dataset: { kind: e.kind, action: e.action || '' } },
      el('td', {}, el('time', { datetime: e.at }, formatDateTime(e.at))),
      el('td', {}, t(`audit.kind.${e.kind}`)),
      el('td', {}, e.stageName || e.stage || ''),
      el('td', {}, actionText(e)),
      el('td', {}, e.actorName ? `${e.actorName}（${e.actor}）` : (e.actor || '')),
      el('td', {}, e.opinion || ''),
      el('td', { class: 'changes' }, changesText(e)),
      el('td', {}, e.modelVersion || ''))))));
}

let viewer;

/** Shows one model with the activities passed and the flows between them marked. */
async function showDiagram(diagram) {
  if (!viewer) {
    const { NavigatedViewer } = await import('/vendor/bpmn-viewer.js');
    viewer = new NavigatedViewer({ container: document.getElementById('audit-diagram') });
  }
  await viewer.importXML(diagram.xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const passed = new Set(diagram.passed);
  for (const id of passed) if (registry.get(id)) canvas.addMarker(id, 'mz-path');
  for (const id of diagram.active) if (registry.get(id)) canvas.addMarker(id, 'mz-active');
  registry.filter((e) => e.type === 'bpmn:SequenceFlow' && passed.has(e.source?.id) && passed.has(e.target?.id))
    .forEach((e) => canvas.addMarker(e.id, 'mz-path'));
  canvas.zoom('fit-viewport');
  document.getElementById('audit-diagram').dataset.shown = diagram.processDefinitionKey;
}

function renderTabs(diagrams) {
  const tabs = clear(document.getElementById('audit-diagram-tabs'));
  diagrams.forEach((d, i) => {
    const tab = el('button', { type: 'button', role: 'tab', id: `audit-tab-${i}`, 'aria-selected': String(i === 0),
      dataset: { key: d.processDefinitionKey } }, `${d.name} v${d.version}`);
    tab.addEventListener('click', () => busy(tab, async () => {
      tabs.querySelectorAll('[role=tab]').forEach((b) => b.setAttribute('aria-selected', String(b === tab)));
      await showDiagram(d);
    }));
    tabs.append(tab);
  });
}

async function openCase(a) {
  const section = document.getElementById('audit-case');
  section.hidden = false;
  document.getElementById('audit-case-title').textContent = `${a.number} · ${typeName(a.type)} · ${label('status', a.status)}`;
  document.getElementById('audit-dossier').href = `/api/audit/applications/${encodeURIComponent(a.id)}/dossier.pdf`;
  section.dataset.ready = 'false';
  try {
    const [timeline, diagrams] = await Promise.all([
      api.get(`/api/audit/applications/${encodeURIComponent(a.id)}/timeline`),
      api.get(`/api/audit/applications/${encodeURIComponent(a.id)}/diagrams`),
    ]);
    renderTimeline(timeline);
    renderTabs(diagrams);
    if (diagrams.length) await showDiagram(diagrams[0]);
    section.dataset.ready = 'true';
    section.scrollIntoView();
  } catch (e) {
    showProblem(message, e);
  }
}

await initPage('audit-cases');
options(document.getElementById('audit-type'), typeCodes().map((id) => ({ id, name: typeName(id) })));
options(document.getElementById('audit-status'), STATUSES.map((id) => ({ id, name: label('status', id) })));
form.addEventListener('submit', (e) => { e.preventDefault(); search(); });
document.getElementById('audit-export-xlsx').addEventListener('click', (e) => busy(e.currentTarget, () => download('xlsx')));
document.getElementById('audit-export-csv').addEventListener('click', (e) => busy(e.currentTarget, () => download('csv')));
document.body.dataset.ready = 'true';
