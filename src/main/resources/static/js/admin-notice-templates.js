// Notice templates for administrators: pick a kind and a type, edit the FreeMarker text, preview it on
// the sample case (HTML in a sandboxed frame, PDF as a download), save it as a new version with a note,
// see why a text is refused, revert to the shipped file, and the versions saved so far.
import { api, csrfToken, CSRF_HEADER, ApiError } from './api.js';
import { initPage } from './header.js';
import { t, label } from './i18n.js';
import { el, clear, formatDateTime, showProblem, showMessage, busy } from './ui.js';

const BASE = '/api/admin/notice-templates';
await initPage('admin-notice-templates');
const kindSelect = document.getElementById('template-kind');
const typeSelect = document.getElementById('template-type');
const content = document.getElementById('template-content');
const note = document.getElementById('template-note');
const message = document.getElementById('template-message');
const frame = document.getElementById('preview-frame');
const problems = document.getElementById('preview-problems');
const form = document.querySelector('main');

function selected() {
  return { kind: kindSelect.value, type: typeSelect.value || null };
}

function query() {
  const { type } = selected();
  return type ? `?type=${encodeURIComponent(type)}` : '';
}

function clearErrors() {
  showProblem(message, null, form); // removes the field errors and hides the message
}

async function load() {
  clearErrors();
  const text = await api.get(`${BASE}/${encodeURIComponent(selected().kind)}${query()}`);
  content.value = text.content;
  document.getElementById('template-origin').textContent = t(`admin.templates.origin.${text.origin}`, { version: text.version });
  document.getElementById('revert-button').disabled = text.origin !== 'SAVED';
  await loadHistory();
}

async function loadHistory() {
  const versions = await api.get(`${BASE}/${encodeURIComponent(selected().kind)}/history${query()}`);
  const box = clear(document.getElementById('template-history'));
  if (!versions.length) {
    box.append(el('p', { class: 'empty' }, t('admin.templates.noHistory')));
    return;
  }
  box.append(el('table', { class: 'data', id: 'template-history-table' },
    el('thead', {}, el('tr', {}, ['admin.version', 'admin.when', 'admin.who', 'admin.note', 'admin.templates.change']
      .map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, versions.map((v) => el('tr', {},
      el('td', {}, String(v.version)),
      el('td', {}, formatDateTime(v.createdAt)),
      el('td', {}, v.createdBy),
      el('td', {}, v.note),
      el('td', {}, v.revert ? t('admin.templates.reverted') : el('span', { class: 'mono' }, (v.sha256 || '').substring(0, 12))))))));
}

function draft(withNote) {
  const body = { type: selected().type, content: content.value };
  if (withNote) body.note = note.value.trim();
  return body;
}

async function preview() {
  clearErrors();
  try {
    const answer = await api.post(`${BASE}/${encodeURIComponent(selected().kind)}/preview`, draft(false));
    frame.srcdoc = answer.html;
    clear(problems);
    problems.hidden = !answer.problems.length;
    answer.problems.forEach((p) => problems.append(el('li', { dataset: { rule: p.rule } }, p.message)));
  } catch (e) {
    frame.srcdoc = '';
    showProblem(message, e, form);
  }
}

async function previewPdf() {
  clearErrors();
  const response = await fetch(`${BASE}/${encodeURIComponent(selected().kind)}/preview.pdf`, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/pdf, application/problem+json', [CSRF_HEADER]: csrfToken() },
    body: JSON.stringify(draft(false)),
  });
  if (!response.ok) {
    showProblem(message, new ApiError(response.status, await response.json().catch(() => null)), form);
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: `preview-${selected().kind}.pdf` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function save() {
  clearErrors();
  try {
    const saved = await api.post(`${BASE}/${encodeURIComponent(selected().kind)}`, draft(true));
    note.value = '';
    await load();
    showMessage(message, t('admin.templates.saved', { version: saved.version }), 'success');
  } catch (e) {
    showProblem(message, e, form);
  }
}

async function revert() {
  clearErrors();
  if (!window.confirm(t('admin.templates.revertConfirm'))) return;
  try {
    await api.post(`${BASE}/${encodeURIComponent(selected().kind)}/revert`, { type: selected().type, note: note.value.trim() });
    note.value = '';
    await load();
    showMessage(message, t('admin.templates.revertedMessage'), 'success');
  } catch (e) {
    showProblem(message, e, form);
  }
}

try {
  const [templates, types] = await Promise.all([api.get(BASE), api.get(`${BASE}/types`)]);
  const kinds = [...new Map(templates.map((x) => [x.kind, x])).values()];
  kinds.forEach((k) => kindSelect.append(el('option', { value: k.kind }, `${k.title}（${k.kind}）`)));
  typeSelect.append(el('option', { value: '' }, t('admin.templates.shared')));
  types.forEach((type) => typeSelect.append(el('option', { value: type }, label('type', type))));
  kindSelect.addEventListener('change', () => load().catch((e) => showProblem(message, e)));
  typeSelect.addEventListener('change', () => load().catch((e) => showProblem(message, e)));
  const previewButton = document.getElementById('preview-button');
  previewButton.addEventListener('click', () => busy(previewButton, preview));
  const pdfButton = document.getElementById('preview-pdf');
  pdfButton.addEventListener('click', () => busy(pdfButton, previewPdf));
  const saveButton = document.getElementById('save-button');
  saveButton.addEventListener('click', () => busy(saveButton, save));
  const revertButton = document.getElementById('revert-button');
  revertButton.addEventListener('click', revert); // load() decides whether it stays enabled
  await load();
} catch (e) {
  showProblem(document.getElementById('page-message'), e);
}
document.body.dataset.ready = 'true';
