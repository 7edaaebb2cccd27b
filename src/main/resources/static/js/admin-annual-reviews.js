// 年度复核 of 低保 for administrators: start a run for a district or street and year, follow its progress
// (review cases created / total, failures) while the runner works, pause and resume it.
import { api } from './api.js';
import { initPage } from './header.js';
import { t } from './i18n.js';
import { el, clear, formatDateTime, showProblem, showMessage, busy } from './ui.js';

const BASE = '/api/admin/annual-reviews';
const POLL_MS = 2000;
await initPage('admin-annual-reviews');
const message = document.getElementById('review-message');
const region = document.getElementById('review-region');
const year = document.getElementById('review-year');
const note = document.getElementById('review-note');
year.value = String(new Date().getFullYear());
let timer = null;

function percent(run) {
  return run.total > 0 ? Math.floor(((run.created + run.failed) * 100) / run.total) : 100;
}

function actions(run) {
  if (run.state === 'running') {
    return el('button', { type: 'button', class: 'secondary', dataset: { action: 'pause' },
      onclick: (e) => act(e.target, run, 'pause') }, t('admin.review.pause'));
  }
  if (run.state === 'paused') {
    return el('button', { type: 'button', class: 'secondary', dataset: { action: 'resume' },
      onclick: (e) => act(e.target, run, 'resume') }, t('admin.review.resume'));
  }
  return '';
}

function render(runs) {
  const box = clear(document.getElementById('review-runs'));
  if (!runs.length) {
    box.append(el('p', { class: 'hint' }, t('admin.review.none')));
    return;
  }
  box.append(el('table', { class: 'data', id: 'review-run-table' },
    el('thead', {}, el('tr', {}, ['admin.review.region', 'admin.review.year', 'admin.review.state', 'admin.review.progress',
      'admin.review.failed', 'admin.review.startedAt', ''].map((k) => el('th', { scope: 'col' }, k ? t(k) : '')))),
    el('tbody', {}, runs.map((run) => el('tr', { dataset: { runId: run.reviewRunId, state: run.state } },
      el('td', {}, run.regionCode),
      el('td', { class: 'num' }, String(run.year)),
      el('td', {}, t(`admin.review.state.${run.state}`)),
      el('td', {}, el('progress', { max: '100', value: String(percent(run)) }),
        ` ${run.created} / ${run.total}`),
      el('td', { class: 'num' }, String(run.failed)),
      el('td', {}, formatDateTime(run.startedAt)),
      el('td', {}, actions(run)))))));
}

async function refresh() {
  const runs = await api.get(BASE);
  render(runs);
  clearTimeout(timer);
  if (runs.some((run) => run.state === 'running')) {
    timer = setTimeout(refresh, POLL_MS);
  }
}

async function act(button, run, what) {
  await busy(button, async () => {
    try {
      await api.post(`${BASE}/${run.reviewRunId}/${what}`);
      showMessage(message, null);
    } catch (error) {
      showProblem(message, error);
    }
    await refresh();
  });
}

async function start(button) {
  showProblem(message, null, document.querySelector('main'));
  await busy(button, async () => {
    try {
      const run = await api.post(BASE, { regionCode: region.value.trim(), year: Number(year.value), note: note.value.trim() });
      showMessage(message, t(run.existing ? 'admin.review.existing' : 'admin.review.started',
        { total: run.total }), 'success');
    } catch (error) {
      showProblem(message, error, document.querySelector('main'));
    }
    await refresh();
  });
}

document.getElementById('review-start').addEventListener('click', (e) => start(e.currentTarget));
await refresh();
document.body.dataset.ready = 'true';
