// Files an application of any type the API runs (POST /api/applications). 低保: the applicant is the first
// member (本人), further members in rows. The other types: no household, and the type's own `data` fields
// (api-contract.md) drawn from TYPE_FIELDS. Field errors come back as members[i].x or data.x and land next to
// their inputs; the server's validation stays the judge.
import { api } from './api.js';
import { initPage } from './header.js';
import { t, label } from './i18n.js';
import { MATERIAL_KINDS } from './codes.js';
import { typeCodes, typeName } from './types.js';
import { el, clear, showProblem, flashNext, busy } from './ui.js';

/** Types whose application lists the household (members, incomes). */
const HOUSEHOLD_TYPES = ['dibao'];
/** Types paid to a bank account. */
const PAID_TYPES = ['dibao', 'tekun', 'linshi', 'binzang'];

/**
 * The type-specific `data` of each type: key (a dotted key nests: deceased.name), kind (select, text, number,
 * integer, date, check, flags, institution), options of a select or flags (an empty option: not chosen),
 * required. Labels: new.field.<type>.<key>; options: new.option.<key>.<value>.
 */
const TYPE_FIELDS = {
  dibao: [],
  tekun: [
    { key: 'category', kind: 'select', options: ['elderly', 'minor', 'disabled'], required: true },
    { key: 'supporter', kind: 'select', options: ['none', 'unable'], required: true },
    { key: 'careMode', kind: 'select', options: ['home', 'institution'], required: true },
  ],
  linshi: [
    { key: 'kind', kind: 'select', options: ['emergency', 'expense'], required: true },
    { key: 'cause', kind: 'text', required: true, maxlength: 200 },
    { key: 'requestedAmount', kind: 'number', required: true },
    { key: 'advance', kind: 'check' },
  ],
  yanglao: [
    { key: 'institutionCode', kind: 'institution' },
    { key: 'priority', kind: 'flags', options: ['tekun', 'alone', 'disabled', 'aged80'] },
  ],
  shzz: [
    { key: 'orgKind', kind: 'select', options: ['social_group', 'private_non_enterprise', 'foundation'], required: true },
    { key: 'name', kind: 'text', required: true, maxlength: 50 },
    { key: 'domicile', kind: 'text', required: true },
    { key: 'purpose', kind: 'text', required: true },
    { key: 'businessScope', kind: 'text', required: true },
    { key: 'activityArea', kind: 'text', required: true },
    { key: 'directCategory', kind: 'select', options: ['', 'industry_association', 'science_tech', 'charity', 'community_service'] },
    { key: 'sponsorUnit', kind: 'text' },
    { key: 'individualMembers', kind: 'integer' },
    { key: 'unitMembers', kind: 'integer' },
    { key: 'funds', kind: 'number', required: true },
  ],
  binzang: [
    { key: 'subsidy', kind: 'select', options: ['fee_waiver', 'eco_burial'], required: true },
    { key: 'deceased.name', kind: 'text', required: true, maxlength: 50 },
    { key: 'deceased.idNumber', kind: 'text', required: true, maxlength: 18 },
    { key: 'deceased.deathDate', kind: 'date', required: true },
    { key: 'deceased.deathCertificateNo', kind: 'text', required: true },
    { key: 'deceased.cremationCertificateNo', kind: 'text' },
    { key: 'deceased.hukouRegionCode', kind: 'text', required: true, maxlength: 12 },
    { key: 'burialType', kind: 'select', options: ['', 'columbarium', 'wall', 'tree', 'lawn', 'deep', 'other'] },
    { key: 'plotArea', kind: 'number' },
    { key: 'cemetery', kind: 'text' },
  ],
};

let institutions = null;

function fieldId(key) {
  return `data-${key.replace(/\./g, '-')}`;
}

function optionLabel(key, value) {
  return value === '' ? t('new.option.none') : t(`new.option.${key.split('.').pop()}.${value}`);
}

async function typeField(type, spec) {
  const id = fieldId(spec.key);
  const text = t(`new.field.${type}.${spec.key}`) + (spec.required ? ' *' : '');
  const dataField = `data.${spec.key}`;
  if (spec.kind === 'check') {
    return el('div', { class: 'type-field' }, el('label', { class: 'check', for: id },
      el('input', { type: 'checkbox', id, name: spec.key, 'data-field': dataField, 'data-kind': spec.kind }), ` ${text}`));
  }
  if (spec.kind === 'flags') {
    return el('fieldset', { class: 'type-field operation', 'data-field': dataField, 'data-kind': spec.kind, 'data-key': spec.key },
      el('legend', {}, text),
      el('div', { class: 'checks' }, spec.options.map((o) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', name: `${spec.key}.${o}`, value: o, 'data-field': `${dataField}.${o}` }), ` ${optionLabel(spec.key, o)}`))));
  }
  let input;
  if (spec.kind === 'select' || spec.kind === 'institution') {
    input = el('select', { id, name: spec.key });
    if (spec.kind === 'institution') {
      if (!institutions) institutions = await api.get('/api/institutions');
      input.append(el('option', { value: '' }, t('new.option.anyInstitution')));
      institutions.forEach((i) => input.append(el('option', { value: i.code }, `${i.name}（${t('new.freeBeds', { n: i.freeBeds })}）`)));
    } else {
      spec.options.forEach((o) => input.append(el('option', { value: o }, optionLabel(spec.key, o))));
    }
  } else {
    const html = { text: 'text', number: 'number', integer: 'number', date: 'date' }[spec.kind];
    input = el('input', { id, name: spec.key, type: html, autocomplete: 'off', ...(spec.maxlength ? { maxlength: spec.maxlength } : {}),
      ...(spec.kind === 'number' ? { min: 0, step: '0.01' } : {}), ...(spec.kind === 'integer' ? { min: 0, step: 1 } : {}) });
  }
  input.setAttribute('data-field', dataField);
  input.setAttribute('data-kind', spec.kind);
  if (spec.required) input.required = true;
  return el('div', { class: 'type-field' }, el('label', { for: id }, text), input);
}

/** Shows the sections of the chosen type: the household for 低保, the type's own fields for the others. */
async function chooseType(type) {
  document.querySelectorAll('.household-only').forEach((n) => { n.hidden = !HOUSEHOLD_TYPES.includes(type); });
  document.getElementById('bank-fields').hidden = !PAID_TYPES.includes(type);
  const specs = TYPE_FIELDS[type] || [];
  const container = clear(document.getElementById('type-fields'));
  document.getElementById('new-type-fields-title').textContent = t('new.typeFields', { type: typeName(type) });
  for (const spec of specs) container.append(await typeField(type, spec));
  document.getElementById('type-section').hidden = !specs.length;
}

function setPath(target, dotted, value) {
  const parts = dotted.split('.');
  let node = target;
  parts.slice(0, -1).forEach((p) => { node[p] = node[p] || {}; node = node[p]; });
  node[parts[parts.length - 1]] = value;
}

/** The type's `data` from its fields: numbers as numbers, empty fields left out. */
function typeData() {
  const data = {};
  document.querySelectorAll('#type-fields [data-kind]').forEach((field) => {
    const key = field.dataset.field.substring('data.'.length);
    const kind = field.dataset.kind;
    if (kind === 'flags') {
      const flags = {};
      field.querySelectorAll('input:checked').forEach((i) => { flags[i.value] = true; });
      setPath(data, key, flags);
    } else if (kind === 'check') {
      setPath(data, key, field.checked);
    } else if (field.value.trim() !== '') {
      setPath(data, key, kind === 'number' || kind === 'integer' ? Number(field.value) : field.value.trim());
    }
  });
  return data;
}

const RELATIONS = ['spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'];
const WORK_ABILITIES = ['full', 'partial', 'none'];
const DISABILITIES = ['none', 'grade1', 'grade2', 'grade3', 'grade4'];

function options(select, codes, prefix) {
  clear(select);
  codes.forEach((c) => select.append(el('option', { value: c }, label(prefix, c))));
  return select;
}

function memberRow() {
  const tbody = document.querySelector('#member-rows tbody');
  const row = el('tr', { class: 'member-row' });
  const input = (name, attrs = {}) => el('input', { name, 'aria-label': t(attrs.labelKey), ...attrs, labelKey: undefined });
  const remove = el('button', { type: 'button', class: 'link-button remove-member' }, t('new.removeMember'));
  remove.addEventListener('click', () => { row.remove(); renumber(); });
  row.append(
    el('td', {}, input('name', { labelKey: 'case.member.name', maxlength: 50, autocomplete: 'off' })),
    el('td', {}, input('idNumber', { labelKey: 'case.idNumber', maxlength: 18, autocomplete: 'off', class: 'mono' })),
    el('td', {}, options(el('select', { name: 'relation', 'aria-label': t('case.member.relation') }), RELATIONS, 'relation')),
    el('td', {}, el('input', { type: 'checkbox', name: 'coResident', checked: true, 'aria-label': t('case.member.coResident') })),
    el('td', {}, input('monthlyIncome', { labelKey: 'case.member.income', type: 'number', min: 0, step: '0.01', value: '0' })),
    el('td', {}, options(el('select', { name: 'workAbility', 'aria-label': t('case.member.workAbility') }), WORK_ABILITIES, 'workAbility')),
    el('td', {}, options(el('select', { name: 'disability', 'aria-label': t('case.member.disability') }), DISABILITIES, 'disability')),
    el('td', {}, remove));
  tbody.append(row);
  renumber();
  row.querySelector('input').focus();
}

/** Row i is members[i + 1] in the request (members[0] is the applicant): the error fields say so. */
function renumber() {
  document.querySelectorAll('#member-rows tbody tr').forEach((row, i) => {
    row.querySelectorAll('input,select').forEach((f) => f.setAttribute('data-field', `members[${i + 1}].${f.name}`));
  });
}

function money(value) {
  return value === '' || value === null ? null : Number(value);
}

function request(form) {
  const f = form.elements;
  const type = f.type.value;
  const applicant = { name: f.applicantName.value.trim(), idNumber: f.applicantIdNumber.value.trim().toUpperCase(),
    phone: f.applicantPhone.value.trim() || null };
  const materials = [...document.querySelectorAll('#material-checks input:checked')]
    .map((i) => ({ kind: i.value, description: label('material', i.value), provided: true }));
  if (!HOUSEHOLD_TYPES.includes(type)) {
    const paid = PAID_TYPES.includes(type);
    return { type, regionCode: f.regionCode.value, applicant, bankName: paid ? f.bankName.value.trim() || null : null,
      bankAccount: paid ? f.bankAccount.value.trim() || null : null, reason: f.reason.value.trim() || null,
      data: typeData(), materials };
  }
  const members = [{ name: applicant.name, idNumber: applicant.idNumber, relation: 'self', coResident: true,
    monthlyIncome: money(f.selfIncome.value), workAbility: f.selfWorkAbility.value, disability: f.selfDisability.value }];
  document.querySelectorAll('#member-rows tbody tr').forEach((row) => {
    const v = (name) => row.querySelector(`[name=${name}]`);
    members.push({ name: v('name').value.trim(), idNumber: v('idNumber').value.trim().toUpperCase(), relation: v('relation').value,
      coResident: v('coResident').checked, monthlyIncome: money(v('monthlyIncome').value), workAbility: v('workAbility').value,
      disability: v('disability').value });
  });
  return { type, regionCode: f.regionCode.value, applicant, members, bankName: f.bankName.value.trim() || null,
    bankAccount: f.bankAccount.value.trim() || null, reason: f.reason.value.trim() || null, materials };
}

const me = await initPage('applications');
const form = document.getElementById('new-application');
const message = document.getElementById('form-message');
try {
  const regions = await api.get('/api/regions');
  const within = (r) => r.level === 'community' && (r.parent === me.regionCode || r.code === me.regionCode
    || regions.some((s) => s.code === r.parent && s.parent === me.regionCode));
  options(form.elements.regionCode, [], '');
  regions.filter(within).forEach((r) => form.elements.regionCode.append(el('option', { value: r.code }, r.name)));
} catch (e) {
  showProblem(message, e);
}
options(form.elements.selfWorkAbility, WORK_ABILITIES, 'workAbility');
options(form.elements.selfDisability, DISABILITIES, 'disability');
const checks = document.getElementById('material-checks');
MATERIAL_KINDS.forEach((k) => checks.append(el('label', { class: 'check' },
  el('input', { type: 'checkbox', name: 'material', value: k }), ` ${label('material', k)}`)));
document.getElementById('add-member').addEventListener('click', memberRow);
const typeSelect = form.elements.type;
typeCodes().forEach((c) => typeSelect.append(el('option', { value: c }, typeName(c))));
typeSelect.value = new URLSearchParams(location.search).get('type') || 'dibao';
if (!typeSelect.value) typeSelect.value = 'dibao';
typeSelect.addEventListener('change', () => chooseType(typeSelect.value).catch((e) => showProblem(message, e)));
await chooseType(typeSelect.value);

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const button = document.getElementById('submit-application');
  busy(button, async () => {
    showProblem(message, null, form);
    const missing = ['applicantName', 'applicantIdNumber'].filter((n) => !form.elements[n].value.trim());
    if (missing.length) {
      showProblem(message, { problem: { detail: t('new.missing') },
        errors: missing.map((n) => ({ field: form.elements[n].dataset.field, message: t('formjs.required') })) }, form);
      form.elements[missing[0]].focus();
      return;
    }
    try {
      const created = await api.post('/api/applications', request(form));
      flashNext(t('new.created', { number: created.number }));
      location.assign(`/applications/${created.id}`);
    } catch (err) {
      showProblem(message, err, form);
      const first = form.querySelector('[aria-invalid=true]');
      if (first) first.focus();
    }
  });
});
document.body.dataset.ready = 'true';
