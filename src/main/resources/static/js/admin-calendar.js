// The working-day calendar for administrators: the years entered, one year as a month grid (days off,
// 调休 workdays, weekends), and a form to add next year's arrangement or correct a year, as text lines.
import { api } from './api.js';
import { initPage } from './header.js';
import { t, lang } from './i18n.js';
import { el, clear, showProblem, showMessage, busy } from './ui.js';

const BASE = '/api/admin/calendar';
await initPage('admin-calendar');
const message = document.getElementById('calendar-message');
const yearInput = document.getElementById('calendar-year');
const source = document.getElementById('calendar-source');
const text = document.getElementById('calendar-text');
const note = document.getElementById('calendar-note');
let years = [];

function exists(year) {
  return years.some((y) => y.year === year);
}

function renderYears() {
  const box = clear(document.getElementById('calendar-years'));
  box.append(el('table', { class: 'data', id: 'calendar-year-table' },
    el('thead', {}, el('tr', {}, ['admin.calendar.year', 'admin.calendar.source', 'admin.calendar.holidays', 'admin.calendar.workdays']
      .map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, years.map((y) => el('tr', { dataset: { year: y.year } },
      el('td', {}, el('button', { type: 'button', class: 'link-button', onclick: () => showYear(y.year) }, String(y.year))),
      el('td', {}, y.source),
      el('td', { class: 'num' }, String(y.holidays)),
      el('td', { class: 'num' }, String(y.workdays)))))));
}

/** Twelve month tables, Monday first; each day marked as off, 调休 workday or weekend. */
function renderGrid(year, days) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const grid = clear(document.getElementById('calendar-grid'));
  document.getElementById('grid-year').textContent = String(year);
  const weekdays = lang() === 'en' ? ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] : ['一', '二', '三', '四', '五', '六', '日'];
  for (let month = 0; month < 12; month++) {
    const first = new Date(Date.UTC(year, month, 1));
    const offset = (first.getUTCDay() + 6) % 7;
    const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const cells = [];
    for (let i = 0; i < offset; i++) cells.push(el('td', {}));
    for (let day = 1; day <= length; day++) {
      const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const weekend = (offset + day - 1) % 7 >= 5;
      const entry = byDate.get(iso);
      const kind = entry ? entry.kind : (weekend ? 'weekend' : 'plain');
      cells.push(el('td', { class: `day day-${kind}`, dataset: { date: iso, kind }, title: entry && entry.note ? entry.note : null }, String(day)));
    }
    const rows = [];
    for (let i = 0; i < cells.length; i += 7) rows.push(el('tr', {}, cells.slice(i, i + 7)));
    const name = lang() === 'en' ? first.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }) : `${month + 1}月`;
    grid.append(el('table', { class: 'month', dataset: { month: month + 1 } },
      el('caption', {}, name),
      el('thead', {}, el('tr', {}, weekdays.map((w) => el('th', { scope: 'col' }, w)))),
      el('tbody', {}, rows)));
  }
}

async function showYear(year) {
  const data = await api.get(`${BASE}/${year}`);
  renderGrid(year, data.days);
  yearInput.value = String(year);
  source.value = data.source;
  text.value = data.text.split('\n').filter((line) => !line.startsWith('#')).join('\n');
  updateButton();
}

function updateButton() {
  const year = Number(yearInput.value);
  document.getElementById('calendar-save').textContent = t(exists(year) ? 'admin.calendar.correct' : 'admin.calendar.add');
}

async function save() {
  const year = Number(yearInput.value);
  const body = { source: source.value.trim(), note: note.value.trim(), text: text.value };
  const correcting = exists(year);
  showProblem(message, null, document.querySelector('main')); // the errors of the last attempt go
  try {
    if (!/^\d{4}$/.test(yearInput.value)) throw new Error(t('admin.calendar.yearInvalid'));
    await api[correcting ? 'put' : 'post'](`${BASE}/${year}`, body);
    note.value = '';
    years = await api.get(BASE);
    renderYears();
    await showYear(year);
    showMessage(message, t(correcting ? 'admin.calendar.corrected' : 'admin.calendar.added', { year }), 'success');
  } catch (e) {
    showProblem(message, e, document.querySelector('main'));
  }
}

try {
  years = await api.get(BASE);
  renderYears();
  const last = years.length ? years[years.length - 1].year : new Date().getFullYear();
  if (years.length) await showYear(last);
  // ready for next year's arrangement
  yearInput.value = String(last + 1);
  source.value = '';
  text.value = '';
  updateButton();
  yearInput.addEventListener('input', updateButton);
  const button = document.getElementById('calendar-save');
  button.addEventListener('click', () => busy(button, save));
} catch (e) {
  showProblem(document.getElementById('page-message'), e);
}
document.body.dataset.ready = 'true';
