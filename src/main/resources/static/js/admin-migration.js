// Migration of running instances of one process from an old version to another: preview Camunda's mapping
// of stages (POST /api/admin/migrations/preview), see which instances cannot move and why, choose
// instances, migrate them in one batch (POST /api/admin/migrations) and follow its progress
// (GET /api/admin/migrations/{batchId}).
import { api } from './api.js';
import { initPage } from './header.js';
import { t, lang } from './i18n.js';
import { el, clear, pathId, showMessage, showProblem, busy } from './ui.js';
import { listedKind } from './admin-model-kinds.js';

const POLL_MS = 500;
await initPage('models');

const key = pathId(2);
const fromSelect = document.getElementById('from-version');
const toSelect = document.getElementById('to-version');
const pageMessage = document.getElementById('page-message');
let preview = null;

const text = (reason) => (lang() === 'en' ? reason.message_en : reason.message);

function fillVersions(model) {
  const versions = [...model.versions].sort((a, b) => a.version - b.version);
  const option = (v) => el('option', { value: String(v.version) },
    t('migration.versionOption', { version: v.version, running: v.runningInstances ?? 0 }));
  clear(fromSelect).append(...versions.map(option));
  clear(toSelect).append(...versions.map(option));
  const older = versions.find((v) => v.runningInstances > 0) || versions[0];
  fromSelect.value = String(older.version);
  toSelect.value = String(versions[versions.length - 1].version);
}

function renderMapping() {
  const mapping = clear(document.getElementById('mapping'));
  mapping.append(el('table', { class: 'data', id: 'mapping-table' },
    el('thead', {}, el('tr', {}, ['migration.col.source', 'migration.col.target'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, preview.mappings.map((m) => el('tr', { dataset: { source: m.sourceActivityId } },
      el('td', {}, m.sourceName, ' ', el('span', { class: 'model-key' }, m.sourceActivityId)),
      el('td', {}, m.targetName, ' ', el('span', { class: 'model-key' }, m.targetActivityId)))))));
  const problems = [...preview.planErrors, ...preview.unmapped];
  const unmapped = clear(document.getElementById('unmapped'));
  if (problems.length) {
    unmapped.append(el('h3', {}, t('migration.unmapped')),
      el('ul', { class: 'reasons', id: 'unmapped-list' }, problems.map((r) => el('li', { dataset: { activity: r.activityId } }, text(r)))));
  }
}

function instanceRow(i) {
  const application = i.applicationId
    ? el('a', { href: `/applications/${i.applicationId}` }, i.applicationNumber || String(i.applicationId))
    : el('span', { class: 'model-key' }, i.processInstanceId);
  const verdict = i.migratable
    ? el('span', { class: 'tag tag-ok' }, t('migration.yes'))
    : el('ul', { class: 'reasons' }, i.reasons.map((r) => el('li', {}, text(r))));
  return el('tr', { class: 'instance-row', dataset: { instanceId: i.processInstanceId, number: i.applicationNumber || '' } },
    el('td', {}, el('input', { type: 'checkbox', class: 'pick', value: i.processInstanceId, disabled: !i.migratable,
      'aria-label': t('migration.pick', { number: i.applicationNumber || i.processInstanceId }) })),
    el('td', {}, application),
    el('td', {}, i.activities.map((a) => a.name).join('、')),
    el('td', {}, verdict));
}

function renderInstances() {
  const container = clear(document.getElementById('instances'));
  if (!preview.instances.length) {
    container.append(el('p', { class: 'empty' }, t('migration.noInstances')));
    return;
  }
  const all = el('input', { type: 'checkbox', id: 'select-all', 'aria-label': t('migration.selectAll') });
  all.addEventListener('change', () => {
    container.querySelectorAll('input.pick:not(:disabled)').forEach((box) => { box.checked = all.checked; });
  });
  container.append(
    el('p', { class: 'hint', id: 'instance-summary' }, t('migration.summary', { migratable: preview.migratable, unmigratable: preview.unmigratable })),
    el('table', { class: 'data', id: 'instance-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, all),
        ['migration.col.application', 'migration.col.activities', 'migration.col.migratable'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, preview.instances.map(instanceRow))));
}

async function showPreview() {
  const message = document.getElementById('migrate-message');
  showMessage(message, '');
  document.getElementById('progress-box').hidden = true;
  preview = await api.post('/api/admin/migrations/preview',
    { processKey: key, fromVersion: Number(fromSelect.value), toVersion: Number(toSelect.value) });
  renderMapping();
  renderInstances();
  document.getElementById('preview-result').hidden = false;
}

async function follow(batchId) {
  const box = document.getElementById('progress-box');
  const bar = document.getElementById('progress');
  const line = document.getElementById('progress-text');
  box.hidden = false;
  box.dataset.state = 'running';
  for (;;) {
    const p = await api.get(`/api/admin/migrations/${batchId}`);
    bar.max = Math.max(p.total, 1);
    bar.value = p.done + p.failed;
    line.textContent = t(p.state === 'completed' ? 'migration.finished' : 'migration.progress',
      { done: p.done, failed: p.failed, total: p.total, version: p.toVersion });
    if (p.state === 'completed') {
      const failures = clear(document.getElementById('progress-failures'));
      failures.append(...p.failures.map((f) => el('li', { dataset: { instanceId: f.processInstanceId } }, f.reason)));
      box.dataset.state = 'completed';
      return p;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function migrate() {
  const message = document.getElementById('migrate-message');
  const chosen = [...document.querySelectorAll('#instance-table input.pick:checked')].map((box) => box.value);
  if (!chosen.length) {
    showMessage(message, t('migration.noneChosen'));
    return;
  }
  try {
    const { batchId } = await api.post('/api/admin/migrations', {
      processKey: key, fromVersion: preview.fromVersion, toVersion: preview.toVersion, instanceIds: chosen,
      note: document.getElementById('migration-note').value.trim() || null,
    });
    await follow(batchId);
    const after = document.getElementById('progress-text').textContent;
    await showPreview();
    document.getElementById('progress-box').hidden = false;
    document.getElementById('progress-text').textContent = after;
  } catch (e) {
    showProblem(message, e);
  }
}

try {
  document.getElementById('migration-heading').textContent = t('migration.headingOf', { key });
  const model = (await api.get('/api/admin/models')).find((m) => m.key === key && listedKind(m.kind) === 'process');
  if (!model) throw Object.assign(new Error(t('migration.unknownProcess')), { status: 404 });
  fillVersions(model);
  document.getElementById('migration-form').addEventListener('submit', (event) => {
    event.preventDefault();
    busy(document.getElementById('preview'), () => showPreview().catch((e) => showProblem(pageMessage, e)));
  });
  document.getElementById('migrate').addEventListener('click', (e) => busy(e.currentTarget, migrate));
} catch (e) {
  showProblem(pageMessage, e);
}
document.body.dataset.ready = 'true';
