// The administrators' model workbench: every process, decision and form definition with its versions,
// running instances per version and deployment history (GET /api/admin/models); open a version in its
// editor, download it, migrate instances, or open a file made in the desktop Modeler.
import { api } from './api.js';
import { initPage } from './header.js';
import { t, label } from './i18n.js';
import { el, clear, formatDateTime, showMessage, showProblem } from './ui.js';
import { EXTENSIONS, UPLOAD_KEY, listedKind } from './admin-model-kinds.js';

await initPage('models');
const container = document.getElementById('models');

function versionRow(model, v) {
  const address = `/admin/models/${encodeURIComponent(model.key)}/${v.version}`;
  const file = `/api/admin/models/${encodeURIComponent(model.key)}/versions/${v.version}`;
  return el('tr', { class: 'version-row', dataset: { key: model.key, version: String(v.version) } },
    el('td', { class: 'num' }, String(v.version)),
    el('td', {}, el('time', { datetime: v.deployedAt }, formatDateTime(v.deployedAt))),
    el('td', {}, v.deployedBy || ''),
    el('td', { class: 'note' }, v.note || ''),
    el('td', { class: 'num running' }, model.kind === 'form' ? '' : String(v.runningInstances ?? 0)),
    el('td', {}, el('span', { class: 'row-actions' },
      el('a', { href: address, class: 'edit' }, t('models.edit')),
      el('a', { href: file, download: `${model.key}-v${v.version}.${EXTENSIONS[model.kind] || 'xml'}`, class: 'download' }, t('models.download')))));
}

function modelCard(model) {
  const versions = [...(model.versions || [])].sort((a, b) => b.version - a.version);
  const migratable = model.kind === 'process' && versions.length > 1;
  return el('section', { class: 'card model-card', dataset: { key: model.key, kind: model.kind } },
    el('h2', {}, model.name || model.key, el('span', { class: 'model-key' }, model.key),
      el('span', { class: 'tag' }, label('models.kind', model.kind)),
      migratable ? el('a', { href: `/admin/migration/${encodeURIComponent(model.key)}`, class: 'migrate-link' }, t('models.migrate')) : null),
    el('div', { class: 'table-wrap' }, el('table', { class: 'data' },
      el('thead', {}, el('tr', {}, ['models.col.version', 'models.col.deployedAt', 'models.col.deployedBy', 'models.col.note',
        'models.col.running', 'models.col.actions'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, versions.map((v) => versionRow(model, v))))));
}

try {
  const models = (await api.get('/api/admin/models')).map((m) => ({ ...m, kind: listedKind(m.kind) }));
  clear(container);
  if (!models.length) container.append(el('p', { class: 'empty' }, t('models.none')));
  for (const kind of ['process', 'decision', 'form']) {
    const ofKind = models.filter((m) => m.kind === kind);
    if (!ofKind.length) continue;
    container.append(el('h2', { class: 'kind-heading' }, label('models.kinds', kind)), ...ofKind.map(modelCard));
  }
  const others = models.filter((m) => !['process', 'decision', 'form'].includes(m.kind));
  container.append(...others.map(modelCard));
} catch (e) {
  showProblem(document.getElementById('page-message'), e);
}

// A file from the desktop Modeler opens in the editor, where it is checked before it can be deployed.
document.getElementById('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('upload-file').files[0];
  const message = document.getElementById('page-message');
  if (!file) {
    showMessage(message, t('models.uploadMissing'));
    return;
  }
  if (file.size > 5 * 1024 * 1024) {
    showMessage(message, t('models.uploadTooLarge'));
    return;
  }
  sessionStorage.setItem(UPLOAD_KEY, JSON.stringify({ name: file.name, text: await file.text() }));
  location.assign('/admin/models/upload');
});
document.body.dataset.ready = 'true';
