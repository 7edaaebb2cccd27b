// One model version in its editor: BPMN (bpmn-js with the Camunda 7 properties panel and bpmnlint in the
// canvas), DMN (dmn-js) or a form (form-js editor). While the administrator works, the server's checks
// (POST /api/admin/models/check) run on every change, debounced, and list errors by element and rule;
// a click on one selects the element. Deploying needs a change note (POST /api/admin/models).
import { api, ApiError } from './api.js';
import { initPage } from './header.js';
import { t, label, lang } from './i18n.js';
import { el, clear, showMessage, showProblem, flashNext, busy } from './ui.js';
import { EXTENSIONS, UPLOAD_KEY, kindOf } from './admin-model-kinds.js';

const CHECK_DELAY_MS = 800;
await initPage('models');

const pageMessage = document.getElementById('page-message');
const canvas = document.getElementById('canvas');
const properties = document.getElementById('properties');
const status = document.getElementById('check-status');
const errorList = document.getElementById('check-errors');

/** The file to edit: a deployed version (its address names key and version) or an uploaded file. */
async function source() {
  const parts = location.pathname.split('/').filter(Boolean);
  if (parts[2] === 'upload') {
    const stored = JSON.parse(sessionStorage.getItem(UPLOAD_KEY) || 'null');
    if (!stored) throw new Error(t('editor.noUpload'));
    return { text: stored.text, name: stored.name, title: t('editor.uploaded', { name: stored.name }) };
  }
  const key = decodeURIComponent(parts[2]);
  const version = parts[3];
  const response = await fetch(`/api/admin/models/${encodeURIComponent(key)}/versions/${encodeURIComponent(version)}`,
    { credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const text = await response.text();
  return { text, key, version, title: t('editor.heading', { key, version }) };
}

function loadCss(href) {
  return new Promise((resolve) => {
    const link = el('link', { rel: 'stylesheet', href });
    link.addEventListener('load', resolve);
    link.addEventListener('error', resolve);
    document.head.append(link);
  });
}

/** The editor of each kind: open the text, tell changes, give the current text, select an element. */
const EDITORS = {
  async process(text, changed) {
    await loadCss('/vendor/bpmn-modeler.css');
    const { createBpmnModeler } = await import('/vendor/bpmn-modeler.js');
    const modeler = createBpmnModeler({ canvas, properties });
    await modeler.importXML(text);
    modeler.get('canvas').zoom('fit-viewport');
    modeler.on('commandStack.changed', changed);
    modeler.on('linting.completed', ({ issues }) => showLint(issues));
    return {
      text: async () => (await modeler.saveXML({ format: true })).xml,
      select(id) {
        const element = modeler.get('elementRegistry').get(id);
        if (!element) return;
        modeler.get('selection').select(element);
        modeler.get('canvas').scrollToElement(element);
      },
    };
  },
  async decision(text, changed) {
    await loadCss('/vendor/dmn-modeler.css');
    const { DmnModeler } = await import('/vendor/dmn-modeler.js');
    document.getElementById('editor').classList.add('no-properties');
    canvas.classList.add('scroll');
    const modeler = new DmnModeler({ container: canvas });
    await modeler.importXML(text);
    const watch = () => {
      const viewer = modeler.getActiveViewer();
      if (viewer && !viewer.mzWatched) {
        viewer.mzWatched = true;
        viewer.on('commandStack.changed', changed);
      }
    };
    modeler.on('views.changed', watch);
    watch();
    return {
      text: async () => (await modeler.saveXML({ format: true })).xml,
      select(id) {
        const view = modeler.getViews().find((v) => v.element && v.element.id === id);
        if (view) modeler.open(view);
      },
    };
  },
  async form(text, changed) {
    await loadCss('/vendor/form-editor.css');
    const { FormEditor } = await import('/vendor/form-editor.js');
    document.getElementById('editor').classList.add('no-properties');
    canvas.classList.add('scroll');
    const editor = new FormEditor({ container: canvas });
    await editor.importSchema(JSON.parse(text));
    editor.on('changed', changed);
    return {
      text: async () => JSON.stringify(editor.saveSchema(), null, 2),
      select() {},
    };
  },
};

let editor;
let fileName;
let checkTimer;
let checkRun = 0;
let lintIssues = [];
let serverErrors = [];

function fileOf(text) {
  const type = fileName.endsWith('.form') ? 'application/json' : 'application/xml';
  return new File([text], fileName, { type });
}

function errorItem(error) {
  const message = lang() === 'en' && (error.messageEn || error.message_en) ? (error.messageEn || error.message_en) : error.message;
  const item = el('li', { class: 'check-error', dataset: { element: error.element || '', rule: error.rule || '' } },
    error.element ? el('button', { type: 'button', class: 'link-button element' }, error.element) : null,
    ' ', el('span', { class: 'rule' }, error.rule || ''), ' ', el('span', { class: 'text' }, message || ''));
  const link = item.querySelector('button');
  if (link) link.addEventListener('click', () => editor.select(error.element));
  return item;
}

function showErrors(errors) {
  serverErrors = errors || [];
  clear(errorList).append(...(errors || []).map(errorItem));
  errorList.append(...lintIssues.map((issue) => el('li', { class: 'lint-issue', dataset: { element: issue.id, rule: issue.rule } },
    el('span', { class: 'element' }, issue.id), ' ', el('span', { class: 'rule' }, `bpmnlint/${issue.rule}`), ' ',
    el('span', { class: 'text' }, `${label('editor.lintCategory', issue.category)}: ${issue.message}`))));
}

function showLint(issues) {
  lintIssues = Object.values(issues || {}).flat();
  showErrors(serverErrors);
}

function setStatus(state, text) {
  status.dataset.state = state;
  status.className = state === 'ok' ? 'hint check-ok' : state === 'errors' ? 'hint check-bad' : 'hint';
  status.textContent = text;
}

/** The server's checks of the model as it is now; a newer run wins over an older one. */
async function check() {
  const run = ++checkRun;
  setStatus('running', t('editor.checking'));
  const form = new FormData();
  form.append('file', fileOf(await editor.text()));
  try {
    const result = await api.upload('/api/admin/models/check', form);
    if (run !== checkRun) return;
    status.dataset.run = String(run);
    showErrors(result.errors);
    setStatus(result.ok ? 'ok' : 'errors', result.ok ? t('editor.checkOk') : t('editor.checkErrors', { n: result.errors.length }));
  } catch (e) {
    if (run !== checkRun) return;
    status.dataset.run = String(run);
    showErrors(e.errors);
    setStatus('failed', e.errors && e.errors.length ? t('editor.checkErrors', { n: e.errors.length }) : t('editor.checkFailed'));
  }
}

function scheduleCheck() {
  clearTimeout(checkTimer);
  setStatus('pending', t('editor.changed'));
  checkTimer = setTimeout(check, CHECK_DELAY_MS);
}

async function deploy(button) {
  const message = document.getElementById('deploy-message');
  const note = document.getElementById('deploy-note').value.trim();
  if (!note) {
    showProblem(message, new ApiError(400, { detail: t('editor.noteMissing'), errors: [{ field: 'note', message: t('editor.noteMissing') }] }));
    return;
  }
  clearTimeout(checkTimer);
  const form = new FormData();
  form.append('file', fileOf(await editor.text()));
  form.append('note', note);
  try {
    const deployed = await api.upload('/api/admin/models', form);
    flashNext(t('editor.deployed', { key: deployed.key, version: deployed.version }));
    location.assign('/admin/models');
  } catch (e) {
    showProblem(message, e);
    if (e.errors && e.errors.length) {
      showErrors(e.errors);
      setStatus('errors', t('editor.checkErrors', { n: e.errors.length }));
    }
  }
}

async function download() {
  const url = URL.createObjectURL(fileOf(await editor.text()));
  const link = el('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

try {
  const file = await source();
  const kind = kindOf(file.text);
  if (!kind) throw new Error(t('editor.unknownKind'));
  fileName = file.name || `${file.key}.${EXTENSIONS[kind]}`;
  document.getElementById('editor-heading').textContent = `${file.title} · ${label('models.kind', kind)}`;
  document.getElementById('editor').dataset.kind = kind;
  editor = await EDITORS[kind](file.text, scheduleCheck);
  document.getElementById('deploy').addEventListener('click', (e) => busy(e.currentTarget, () => deploy(e.currentTarget)));
  document.getElementById('download').addEventListener('click', download);
  await check();
} catch (e) {
  if (e instanceof ApiError) showProblem(pageMessage, e);
  else showMessage(pageMessage, e.message || String(e));
}
document.body.dataset.ready = 'true';
