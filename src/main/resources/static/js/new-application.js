// A simple page to file a 低保 application (POST /api/applications): the applicant is the first member
// (本人); further members in rows. Field errors come back as members[i].x and land next to their inputs.
import { api } from './api.js';
import { initPage } from './header.js';
import { t, label } from './i18n.js';
import { MATERIAL_KINDS } from './codes.js';
import { el, clear, showProblem, flashNext, busy } from './ui.js';

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
  const applicant = { name: f.applicantName.value.trim(), idNumber: f.applicantIdNumber.value.trim().toUpperCase(),
    phone: f.applicantPhone.value.trim() || null };
  const members = [{ name: applicant.name, idNumber: applicant.idNumber, relation: 'self', coResident: true,
    monthlyIncome: money(f.selfIncome.value), workAbility: f.selfWorkAbility.value, disability: f.selfDisability.value }];
  document.querySelectorAll('#member-rows tbody tr').forEach((row) => {
    const v = (name) => row.querySelector(`[name=${name}]`);
    members.push({ name: v('name').value.trim(), idNumber: v('idNumber').value.trim().toUpperCase(), relation: v('relation').value,
      coResident: v('coResident').checked, monthlyIncome: money(v('monthlyIncome').value), workAbility: v('workAbility').value,
      disability: v('disability').value });
  });
  const materials = [...document.querySelectorAll('#material-checks input:checked')]
    .map((i) => ({ kind: i.value, description: label('material', i.value), provided: true }));
  return { type: 'dibao', regionCode: f.regionCode.value, applicant, members, bankName: f.bankName.value.trim() || null,
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
