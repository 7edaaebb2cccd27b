// The dashboard (GET /api/dashboard): ECharts bar charts of the caller's region. Every bar carries the
// filters of the applications list that show its cases; a click opens that list.
import { api } from './api.js';
import { initPage } from './header.js';
import { t } from './i18n.js';
import { el, clear, showProblem } from './ui.js';
import { typeName, stageName } from './types.js';

await initPage('dashboard');
const echarts = (await import('/vendor/echarts.js')).default;

const HOUR = 3600 * 1000;
const hours = (millis) => (millis == null ? 0 : Math.round((millis / HOUR) * 100) / 100);
const percent = (rate) => (rate == null ? '—' : `${(Number(rate) * 100).toFixed(1)}%`);
const unique = (values) => [...new Set(values)];
const open = (link) => { if (link) location.assign(`/applications?${link}`); };

/** A bar chart; each series' data items are {value, link}. */
function bars(id, categories, series, { stack = false, horizontal = false } = {}) {
  const node = document.getElementById(id);
  if (!categories.length) {
    node.style.height = 'auto';
    node.append(el('p', { class: 'empty' }, t('dash.none')));
    return;
  }
  const chart = echarts.init(node, null, { renderer: 'canvas' });
  const category = { type: 'category', data: categories };
  const value = { type: 'value', minInterval: 1 };
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    grid: { top: 36, left: 48, right: 16, bottom: 32, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s) => ({ type: 'bar', name: s.name, stack: stack ? 'all' : undefined, data: s.data })),
  });
  chart.on('click', (p) => open(p.data && p.data.link));
  node.chart = chart; // for the browser test, which clicks a bar where the chart says it is
}

try {
  const d = await api.get('/api/dashboard');
  document.getElementById('dash-scope').textContent = t('dash.scope', { name: d.scope.name });

  // open cases: streets × (type · stage)
  const streets = unique(d.openByStage.map((r) => r.streetName));
  const stages = unique(d.openByStage.map((r) => `${typeName(r.type)} · ${stageName(r.type, r.stage)}`));
  bars('chart-open', streets, stages.map((name) => ({
    name,
    data: streets.map((street) => {
      const r = d.openByStage.find((x) => x.streetName === street && `${typeName(x.type)} · ${stageName(x.type, x.stage)}` === name);
      return r ? { value: r.cases, link: r.link } : { value: 0 };
    }),
  })), { stack: true });

  bars('chart-overdue', d.overdueByStreet.map((r) => r.streetName),
    [{ name: t('dash.cases'), data: d.overdueByStreet.map((r) => ({ value: r.cases, link: r.link })) }]);

  const types = d.outcomes.map((r) => `${typeName(r.type)}（${percent(r.approvalRate)}）`);
  bars('chart-outcomes', types, [
    { name: t('dash.approved'), data: d.outcomes.map((r) => ({ value: r.approved, link: r.approvedLink })) },
    { name: t('dash.rejected'), data: d.outcomes.map((r) => ({ value: r.rejected, link: r.rejectedLink })) },
  ], { stack: true });

  bars('chart-appeals', d.appeals.map((r) => typeName(r.type)), ['pending', 'upheld', 'reopened'].map((k) => ({
    name: t(`dash.${k}`), data: d.appeals.map((r) => ({ value: r[k], link: r.link })),
  })), { stack: true });

  const processes = d.processingTimes.processes;
  bars('chart-times', processes.map((r) => typeName(r.type)), [
    { name: t('dash.median'), data: processes.map((r) => ({ value: hours(r.medianMillis), link: r.link })) },
    { name: t('dash.p90'), data: processes.map((r) => ({ value: hours(r.p90Millis), link: r.link })) },
  ]);

  const stageTable = clear(document.getElementById('stage-times'));
  stageTable.append(el('table', { class: 'data', id: 'stage-time-table' },
    el('thead', {}, el('tr', {}, ['case.type', 'case.stage', 'dash.cases', 'dash.median', 'dash.p90'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, d.processingTimes.stages.map((r) => el('tr', {},
      el('td', {}, el('a', { href: `/applications?${r.link}` }, typeName(r.type))),
      el('td', {}, stageName(r.type, r.taskKey)), el('td', { class: 'num' }, String(r.samples)),
      el('td', { class: 'num' }, String(hours(r.medianMillis))), el('td', { class: 'num' }, String(hours(r.p90Millis))))))));

  const ind = d.indicators;
  clear(document.getElementById('indicators')).append(el('dl', { class: 'indicators' },
    el('dt', {}, t('dash.tekunCare')),
    el('dd', { id: 'indicator-tekun' }, el('a', { href: `/applications?${ind.tekunConcentratedCare.link}` },
      `${percent(ind.tekunConcentratedCare.rate)}（${ind.tekunConcentratedCare.institution} / ${ind.tekunConcentratedCare.cannotCareForSelf}）`)),
    el('dt', {}, t('dash.beds')),
    el('dd', { id: 'indicator-beds' }, `${percent(ind.nursingBeds.rate)}（${ind.nursingBeds.nursing} / ${ind.nursingBeds.beds}）`)));

  bars('chart-dibao', ind.dibaoByStreet.map((r) => r.streetName), [
    { name: t('dash.households'), data: ind.dibaoByStreet.map((r) => ({ value: r.households, link: r.link })) },
    { name: t('dash.amount'), data: ind.dibaoByStreet.map((r) => ({ value: Number(r.amount), link: r.link })) },
  ]);
} catch (e) {
  showProblem(document.getElementById('page-message'), e);
}
document.body.dataset.ready = 'true';
