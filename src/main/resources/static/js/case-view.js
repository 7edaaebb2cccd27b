// The parts of a case both the task page and the application page show: summary, members, declared
// and scanned materials, the history with every opinion, the notices issued. Data as the API gives it
// (ID numbers masked except at the stages that need them).
import { api } from './api.js';
import { t, label } from './i18n.js';
import { MATERIAL_KINDS } from './codes.js';
import { typeName, stageName } from './types.js';
import { el, clear, formatDate, formatDateTime, formatMoney, formatSize, showMessage, showProblem, busy } from './ui.js';

let regionNames = null;

async function regions() {
  if (!regionNames) {
    try {
      const list = await api.get('/api/regions');
      regionNames = Object.fromEntries(list.map((r) => [r.code, r.name]));
    } catch (e) {
      regionNames = {};
    }
  }
  return regionNames;
}

function section(id, titleKey, ...content) {
  return el('section', { id, class: 'card', 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title` }, t(titleKey)), ...content);
}

function fields(pairs) {
  const dl = el('dl', { class: 'fields' });
  for (const [key, value, name] of pairs) {
    if (value === undefined || value === null || value === '') continue;
    dl.append(el('div', { class: 'field', dataset: { name: name || key } }, el('dt', {}, t(key)), el('dd', {}, value)));
  }
  return dl;
}

export async function summarySection(app) {
  const names = await regions();
  const status = el('span', { class: `status status-${app.status}` }, label('status', app.status));
  return section('summary', 'case.summary', fields([
    ['case.number', app.number, 'number'],
    ['case.type', typeName(app.type), 'type'],
    ['case.status', status, 'status'],
    ['case.stage', stageName(app.type, app.stage), 'stage'],
    ['case.region', names[app.regionCode] || app.regionCode, 'region'],
    ['case.applicant', app.applicant && app.applicant.name, 'applicantName'],
    ['case.idNumber', app.applicant && app.applicant.idNumber, 'applicantIdNumber'],
    ['case.phone', app.applicant && app.applicant.phone, 'phone'],
    ['case.householdSize', app.householdSize, 'householdSize'],
    ['case.perCapitaIncome', formatMoney(app.perCapitaIncome), 'perCapitaIncome'],
    ['case.standard', formatMoney(app.standard), 'standard'],
    ['case.amount', formatMoney(app.amount), 'amount'],
    ['case.bankAccount', app.bankAccount, 'bankAccount'],
    ['case.reason', app.reason, 'reason'],
    ['case.createdAt', formatDateTime(app.createdAt), 'createdAt'],
    ['case.procedureDue', formatDate(app.procedureDue), 'procedureDue'],
    ['case.extensionReason', app.extensionReason, 'extensionReason'],
  ]));
}

export function membersSection(app) {
  const members = app.members || [];
  const table = el('table', { class: 'data', id: 'members-table' },
    el('thead', {}, el('tr', {}, ['case.member.name', 'case.idNumber', 'case.member.relation', 'case.member.coResident',
      'case.member.workAbility', 'case.member.disability', 'case.member.income'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, members.map((m) => el('tr', {},
      el('td', {}, m.name),
      el('td', { class: 'mono' }, m.idNumber || ''),
      el('td', {}, label('relation', m.relation)),
      el('td', {}, m.coResident ? t('case.yes') : t('case.no')),
      el('td', {}, label('workAbility', m.workAbility)),
      el('td', {}, label('disability', m.disability)),
      el('td', { class: 'num' }, formatMoney(m.monthlyIncome))))));
  return section('members', 'case.members', el('div', { class: 'table-wrap' }, table));
}

/** Declared materials (from the application) and the scans (GET /api/applications/{id}/materials). */
export function materialsSection(app, canUpload) {
  const declared = (app.materials || []).length
    ? el('ul', { class: 'declared' }, app.materials.map((m) => el('li', {},
      el('span', {}, label('material', m.kind)), m.description && m.description !== label('material', m.kind) ? ` (${m.description})` : '',
      ' ', el('span', { class: `tag ${m.provided ? 'tag-ok' : 'tag-missing'}` }, m.provided ? t('case.provided') : t('case.notProvided')))))
    : null;
  const files = el('div', { id: 'material-files' }, el('p', { class: 'muted' }, t('common.loading')));
  const body = [declared ? el('h3', {}, t('case.declared')) : null, declared, el('h3', {}, t('case.materials')), files];
  const message = el('div', { id: 'material-message', hidden: true });
  const sectionNode = section('materials', 'case.materialsTitle', ...body, message);
  const upload = canUpload ? uploadForm(app.id, files, message) : null;
  if (upload) {
    upload.hidden = true;
    sectionNode.append(upload);
  }
  // no upload form while the scans cannot be listed (the materials API may not be there yet)
  loadMaterials(app.id, files).then((available) => { if (upload) upload.hidden = !available; });
  return sectionNode;
}

async function loadMaterials(applicationId, container) {
  let list;
  try {
    list = await api.get(`/api/applications/${applicationId}/materials`);
  } catch (e) {
    clear(container).append(el('p', { class: 'muted', id: 'materials-unavailable' },
      e.status === 404 ? t('case.materials.unavailable') : e.message));
    return false;
  }
  clear(container);
  if (!list || !list.length) {
    container.append(el('p', { class: 'muted' }, t('case.materials.none')));
    return true;
  }
  container.append(el('table', { class: 'data', id: 'materials-table' },
    el('thead', {}, el('tr', {}, ['case.materials.kind', 'case.materials.open', 'case.materials.size', 'case.materials.uploadedAt']
      .map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, list.map((m) => el('tr', {},
      el('td', {}, label('material', m.kind)),
      el('td', {}, el('a', { href: `/api/materials/${m.id}`, target: '_blank', rel: 'noopener' }, m.filename || t('case.materials.open'))),
      el('td', { class: 'num' }, formatSize(m.size)),
      el('td', {}, formatDateTime(m.uploadedAt)))))));
  return true;
}

function uploadForm(applicationId, files, message) {
  const kind = el('select', { name: 'kind', id: 'material-kind', 'data-field': 'kind' },
    MATERIAL_KINDS.map((k) => el('option', { value: k }, label('material', k))));
  const file = el('input', { type: 'file', name: 'file', id: 'material-file', accept: 'application/pdf,image/jpeg,image/png', 'data-field': 'file' });
  const submit = el('button', { type: 'submit', class: 'secondary', id: 'material-upload' }, t('case.materials.upload'));
  const form = el('form', { class: 'upload', id: 'material-form' },
    el('label', { for: 'material-kind' }, t('case.materials.kind')), kind,
    el('label', { for: 'material-file' }, t('case.materials.file')), file, submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, async () => {
      if (!file.files.length) {
        showMessage(message, t('case.materials.chooseFile'));
        return;
      }
      const data = new FormData();
      data.append('file', file.files[0]);
      data.append('kind', kind.value);
      try {
        const saved = await api.upload(`/api/applications/${applicationId}/materials`, data);
        showMessage(message, t('case.materials.uploaded', { name: (saved && saved.filename) || file.files[0].name }), 'success');
        form.reset();
        await loadMaterials(applicationId, files);
      } catch (err) {
        if (err.status === 404) showMessage(message, t('case.materials.unavailable'));
        else showProblem(message, err, form);
      }
    });
  });
  return form;
}

export function historySection(applicationId, type) {
  const list = el('ol', { class: 'timeline', id: 'history-list' }, el('li', { class: 'muted' }, t('common.loading')));
  (async () => {
    try {
      const entries = await api.get(`/api/applications/${applicationId}/history`);
      clear(list);
      if (!entries.length) list.append(el('li', { class: 'muted' }, t('case.history.none')));
      for (const e of entries) {
        list.append(el('li', { class: `event event-${e.action}`, dataset: { action: e.action } },
          el('div', { class: 'event-head' },
            el('time', { datetime: e.at }, formatDateTime(e.at)),
            el('span', { class: 'event-stage' }, stageName(type, e.taskKey || e.stage)),
            el('strong', { class: 'event-action' }, label('action', e.action)),
            el('span', { class: 'event-actor' }, e.actorName || e.actor || '')),
          e.opinion ? el('blockquote', { class: 'opinion' }, e.opinion) : null));
      }
    } catch (err) {
      clear(list).append(el('li', { class: 'muted' }, err.message));
    }
  })();
  return section('history', 'case.history', list);
}

export function noticesSection(notices) {
  const items = notices || [];
  const body = items.length
    ? el('ul', { class: 'notices', id: 'notice-list' }, items.map((n) => el('li', { dataset: { kind: n.kind } },
      el('span', { class: 'notice-kind' }, label('notice', n.kind)), ' ',
      el('span', { class: 'mono' }, n.docNumber || ''), ' ',
      el('time', { class: 'muted', datetime: n.createdAt }, formatDateTime(n.createdAt)), ' ',
      el('a', { href: `/api/notices/${n.id}`, target: '_blank', rel: 'noopener', class: 'notice-html' }, t('case.notices.html')), ' ',
      el('a', { href: `/api/notices/${n.id}.pdf`, target: '_blank', rel: 'noopener', class: 'notice-pdf' }, t('case.notices.pdf')))))
    : el('p', { class: 'muted' }, t('case.notices.none'));
  return section('notices', 'case.notices', body);
}
