// The task page: the case (summary, members, materials, history, notices), the stage's form rendered by
// form-js from GET /api/tasks/{id}/form, and the operations the stage allows.
import { api } from './api.js';
import { initPage } from './header.js';
import { t, label, lang } from './i18n.js';
import { stageName, decisionName, decisionCodes } from './types.js';
import { el, clear, formatDateTime, showMessage, showProblem, flashNext, busy, pathId } from './ui.js';
import { summarySection, membersSection, materialsSection, historySection, noticesSection } from './case-view.js';

const taskId = pathId(1);
const pageMessage = document.getElementById('page-message');
let form = null;
let formLabels = {};

let taskType = null;

function decisionLabel(code) {
  return decisionName(taskType, code);
}

function needsOpinion(decision) {
  return decision === 'reject' || decision === 'return';
}

function renderMeta(task, me) {
  document.getElementById('task-heading').textContent =
    `${stageName(task.type, task.taskKey)} · ${task.applicationNumber || ''}`;
  const meta = clear(document.getElementById('task-meta'));
  const due = el('span', { class: 'meta-item', id: 'task-due' }, `${t('task.due')}: `,
    task.due ? el('time', { datetime: task.due }, formatDateTime(task.due)) : '—');
  if (task.overdue) due.append(' ', el('span', { class: 'tag tag-overdue' }, t('inbox.overdue')));
  else if (task.dueSoon) due.append(' ', el('span', { class: 'tag tag-due-soon' }, t('inbox.dueSoon')));
  meta.append(due,
    el('span', { class: 'meta-item', id: 'task-assignee' }, `${t('task.assignee')}: `, task.assignee || t('inbox.unassigned')));
  if (task.delegationState === 'pending') {
    meta.append(el('span', { class: 'meta-item' }, `${t('task.owner')}: ${task.owner || ''}`),
      el('span', { class: 'tag tag-due-soon' }, t('task.delegated')));
  }
  if (task.signers && task.signers.length) {
    meta.append(el('span', { class: 'meta-item', id: 'task-signers' }, `${t('task.signers')}: `,
      task.signers.map((s) => el('span', { class: `tag tag-sign-${s.status}` }, `${s.userId} ${label('signStatus', s.status)}`))));
  }
  if (task.overdue) document.getElementById('task-root').classList.add('is-overdue');
  // what the stage requires now (e.g. a spot-check to keep the quota), as the server words it
  for (const note of task.notes || []) {
    meta.append(el('p', { class: 'message message-error', role: 'status', 'data-note': note.code },
      lang() === 'en' ? note.detailEn : note.detail));
  }
}

async function renderCase(task, me) {
  const app = task.application;
  const column = clear(document.getElementById('case-column'));
  column.append(await summarySection(app), membersSection(app),
    materialsSection(app, me.roles.includes('clerk') && app.status === 'in_progress'),
    historySection(app.id, app.type), noticesSection(app.notices));
}

async function renderForm(task, mine) {
  const container = document.getElementById('form-container');
  container.append(el('p', { class: 'muted' }, t('task.formLoading')));
  try {
    const schema = await api.get(`/api/tasks/${encodeURIComponent(taskId)}/form`);
    formLabels = Object.fromEntries((schema.components || []).filter((c) => c.key)
      .map((c) => [`data.${c.key}`, c.label || c.dateLabel || c.key]));
    const { Form } = await import('/vendor/form-viewer.js');
    clear(container);
    translateFormJs(container);
    form = new Form({ container, properties: { readOnly: !mine } });
    await form.importSchema(schema, {});
  } catch (e) {
    clear(container).append(el('p', { class: 'message message-error', role: 'alert' }, t('task.formError', { detail: e.message })));
    form = null;
  }
}

/** form-js 1.x speaks English only: its few fixed texts are put into the page language as they appear. */
const FORM_JS_TEXTS = { 'Field is required.': 'formjs.required', Select: 'formjs.select', Search: 'formjs.search' };

function translateFormJs(container) {
  const fix = (node) => {
    const key = FORM_JS_TEXTS[node.data && node.data.trim()];
    if (key && node.data !== t(key)) node.data = t(key);
  };
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) fix(walker.currentNode);
  };
  walk(container);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') fix(r.target);
      r.addedNodes.forEach((n) => (n.nodeType === Node.TEXT_NODE ? fix(n) : walk(n)));
    }
  }).observe(container, { subtree: true, childList: true, characterData: true });
}

function withLabels(error) {
  for (const problem of error.errors || []) {
    if (formLabels[problem.field]) problem.label = formLabels[problem.field];
  }
  return error;
}

function decisionPanel(task, me) {
  const box = clear(document.getElementById('actions'));
  const message = document.getElementById('action-message');
  const mine = task.assignee === me.id;

  if (!task.assignee) {
    const claim = el('button', { type: 'button', class: 'primary', id: 'claim' }, t('task.claim'));
    claim.addEventListener('click', () => busy(claim, async () => {
      try {
        await api.post(`/api/tasks/${encodeURIComponent(taskId)}/claim`);
        flashNext(t('task.claimed'));
        location.reload();
      } catch (e) {
        showProblem(message, e);
      }
    }));
    box.append(el('p', { class: 'hint' }, t('task.claimFirst')), el('div', { class: 'actions' }, claim));
    return;
  }
  if (!mine) {
    box.append(el('p', { class: 'hint', id: 'claimed-by' }, t('task.claimedBy', { user: task.assignee })));
    return;
  }
  if (task.delegationState === 'pending') {
    // I am the delegate: I give the task back with my opinion
    const opinion = el('textarea', { id: 'resolve-opinion', rows: 3, 'data-field': 'opinion' });
    const resolve = el('button', { type: 'button', class: 'primary', id: 'resolve' }, t('task.resolve'));
    resolve.addEventListener('click', () => busy(resolve, async () => {
      try {
        await api.post(`/api/tasks/${encodeURIComponent(taskId)}/resolve`, { opinion: opinion.value.trim() || null });
        flashNext(t('task.resolved'));
        location.assign('/');
      } catch (e) {
        showProblem(message, e, box);
      }
    }));
    box.append(el('p', { class: 'hint' }, t('task.resolveHint')),
      el('label', { for: 'resolve-opinion' }, t('task.opinion')), opinion, el('div', { class: 'actions' }, resolve));
    return;
  }

  const allowed = decisionCodes().filter((d) => (task.allowedDecisions || []).includes(d));
  const opinion = el('textarea', { id: 'opinion', name: 'opinion', rows: 4, 'data-field': 'opinion', 'aria-describedby': 'opinion-hint' });
  box.append(el('label', { for: 'opinion' }, t('task.opinion')), opinion,
    el('p', { class: 'hint', id: 'opinion-hint' }, t('task.opinionHint')));
  let returnTo = null;
  if (allowed.includes('return') && (task.returnTargets || []).length) {
    returnTo = el('select', { id: 'return-to', name: 'returnTo', 'data-field': 'data.returnTo' },
      task.returnTargets.map((k) => el('option', { value: k }, stageName(task.type, k))));
    box.append(el('label', { for: 'return-to' }, t('task.returnTo')), returnTo);
  }
  const buttons = el('div', { class: 'actions decisions' });
  for (const decision of allowed) {
    const kind = decision === 'approve' ? 'primary' : decision === 'reject' ? 'danger' : 'secondary';
    const button = el('button', { type: 'button', class: kind, id: `decide-${decision}`, dataset: { decision } }, decisionLabel(decision));
    button.addEventListener('click', () => busy(button, () => complete(decision, opinion, returnTo, message, box)));
    buttons.append(button);
  }
  const unclaim = el('button', { type: 'button', class: 'link-button', id: 'unclaim' }, t('task.unclaim'));
  unclaim.addEventListener('click', () => busy(unclaim, async () => {
    try {
      await api.post(`/api/tasks/${encodeURIComponent(taskId)}/unclaim`);
      flashNext(t('task.unclaimed'));
      location.reload();
    } catch (e) {
      showProblem(message, e);
    }
  }));
  box.append(buttons, el('div', { class: 'actions' }, unclaim));
}

async function complete(decision, opinionField, returnTo, message, box) {
  showMessage(message, '');
  showProblem(null, null, box);
  showMessage(document.getElementById('form-errors'), '');
  const opinion = opinionField.value.trim();
  if (needsOpinion(decision) && !opinion) {
    showProblem(message, { problem: { detail: t('task.opinionRequired', { decision: decisionLabel(decision) }) },
      errors: [{ field: 'opinion', message: t('task.opinionRequired', { decision: decisionLabel(decision) }) }] }, box);
    opinionField.focus();
    return;
  }
  let data = {};
  if (form) {
    const result = form.submit();
    // a return sends the case back: the stage's own required fields need not be filled
    if (decision !== 'return' && Object.keys(result.errors || {}).length) {
      showMessage(message, t('task.formInvalid'));
      return;
    }
    data = { ...result.data };
  }
  if (decision === 'return' && returnTo) data.returnTo = returnTo.value;
  try {
    await api.post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, { decision, opinion: opinion || null, data });
    flashNext(t('task.completed', { decision: decisionLabel(decision) }));
    location.assign('/');
  } catch (e) {
    withLabels(e);
    const formProblems = (e.errors || []).filter((p) => p.field.startsWith('data.') && p.field !== 'data.returnTo');
    const others = { ...e, problem: e.problem, errors: (e.errors || []).filter((p) => !formProblems.includes(p)) };
    showProblem(message, others, box);
    if (formProblems.length) {
      const formErrors = document.getElementById('form-errors');
      showProblem(formErrors, { problem: { detail: t('task.formInvalid') }, errors: formProblems }, document.getElementById('form-section'));
    }
  }
}

/** One operation with a person picker: 转办, 委派, 加签 (select) or 抄送 (checkboxes). */
function pickerOperation({ id, titleKey, hintKey, people, multiple, run }) {
  const message = document.getElementById('more-message');
  const group = el('fieldset', { class: 'operation', id: `op-${id}` }, el('legend', {}, t(titleKey)), el('p', { class: 'hint' }, t(hintKey)));
  if (!people.length) {
    group.append(el('p', { class: 'muted' }, t('task.colleagueNone')));
    return group;
  }
  let value;
  if (multiple) {
    const boxes = people.map((p) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: `${id}-user`, value: p.id }), ` ${p.name} (${p.id})`));
    group.append(el('div', { class: 'checks', 'data-field': 'userIds' }, boxes));
    value = () => boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
  } else {
    const select = el('select', { id: `${id}-user`, 'data-field': 'userId', 'aria-label': t('task.colleague') },
      el('option', { value: '' }, t('task.colleague')), people.map((p) => el('option', { value: p.id }, `${p.name} (${p.id})`)));
    group.append(select);
    value = () => select.value;
  }
  const submit = el('button', { type: 'button', class: 'secondary', id: `${id}-submit` }, t(titleKey));
  submit.addEventListener('click', () => busy(submit, async () => {
    const chosen = value();
    if (!chosen || (Array.isArray(chosen) && !chosen.length)) {
      showMessage(message, t('task.pickRequired'));
      return;
    }
    try {
      const done = await run(chosen, people.find((p) => p.id === chosen));
      flashNext(done.message);
      location.assign(done.to);
    } catch (e) {
      showProblem(message, e, group);
    }
  }));
  group.append(el('div', { class: 'actions' }, submit));
  return group;
}

/** A text and a button: 催办 (message optional) and 撤回 (reason required). */
function textOperation({ id, titleKey, hintKey, fieldKey, field, required, confirmKey, run }) {
  const message = document.getElementById('more-message');
  const input = el('textarea', { id: `${id}-text`, rows: 2, 'data-field': field });
  const submit = el('button', { type: 'button', class: id === 'withdraw' ? 'danger' : 'secondary', id: `${id}-submit` }, t(titleKey));
  submit.addEventListener('click', () => busy(submit, async () => {
    const text = input.value.trim();
    if (required && !text) {
      showProblem(message, { problem: { detail: t('task.reasonRequired') }, errors: [{ field, message: t('task.reasonRequired') }] }, group);
      input.focus();
      return;
    }
    if (confirmKey && !window.confirm(t(confirmKey))) return;
    try {
      const done = await run(text);
      flashNext(done.message);
      location.assign(done.to);
    } catch (e) {
      showProblem(message, e, group);
    }
  }));
  const group = el('fieldset', { class: 'operation', id: `op-${id}` }, el('legend', {}, t(titleKey)),
    el('p', { class: 'hint' }, t(hintKey)), el('label', { for: `${id}-text` }, t(fieldKey)), input, el('div', { class: 'actions' }, submit));
  return group;
}

async function morePanel(task, me) {
  const more = clear(document.getElementById('more'));
  const section = document.getElementById('more-section');
  const path = `/api/tasks/${encodeURIComponent(taskId)}`;
  const delegated = task.delegationState === 'pending';
  const mayOperate = !delegated && (!task.assignee || task.assignee === me.id);
  if (mayOperate) {
    let colleagues = [];
    try {
      colleagues = await api.get(`${path}/colleagues`);
    } catch (e) {
      colleagues = [];
    }
    more.append(
      pickerOperation({ id: 'transfer', titleKey: 'task.transfer', hintKey: 'task.transferHint', people: colleagues.filter((c) => c.mayActOnStage),
        run: async (userId, person) => { await api.post(`${path}/transfer`, { userId }); return { message: t('task.transferred', { user: person.name }), to: '/' }; } }),
      pickerOperation({ id: 'delegate', titleKey: 'task.delegate', hintKey: 'task.delegateHint', people: colleagues,
        run: async (userId, person) => { await api.post(`${path}/delegate`, { userId }); return { message: t('task.delegatedTo', { user: person.name }), to: '/' }; } }),
      pickerOperation({ id: 'signer', titleKey: 'task.addSigner', hintKey: 'task.addSignerHint', people: colleagues,
        run: async (userId, person) => { await api.post(`${path}/signers`, { userId }); return { message: t('task.signerAdded', { user: person.name }), to: location.pathname }; } }),
      pickerOperation({ id: 'cc', titleKey: 'task.cc', hintKey: 'task.ccHint', people: colleagues, multiple: true,
        run: async (userIds) => { await api.post(`${path}/cc`, { userIds }); return { message: t('task.copied'), to: location.pathname }; } }));
  }
  if (task.overdue && (me.roles.includes('reviewer') || me.roles.includes('approver'))) {
    more.append(textOperation({ id: 'urge', titleKey: 'task.urge', hintKey: 'overdue.urgeHint', fieldKey: 'task.urgeMessage', field: 'message',
      run: async (text) => { await api.post(`${path}/urge`, { message: text || null }); return { message: t('task.urged'), to: location.pathname }; } }));
  }
  if (me.roles.includes('clerk') && task.application && task.application.status === 'in_progress') {
    more.append(textOperation({ id: 'withdraw', titleKey: 'task.withdraw', hintKey: 'task.withdrawHint', fieldKey: 'task.withdrawReason',
      field: 'reason', required: true, confirmKey: 'task.withdrawConfirm',
      run: async (reason) => { await api.post(`/api/applications/${task.applicationId}/withdraw`, { reason }); return { message: t('task.withdrawn'), to: '/' }; } }));
  }
  section.hidden = !more.children.length;
}

const me = await initPage('inbox');
let task;
try {
  task = await api.get(`/api/tasks/${encodeURIComponent(taskId)}`);
} catch (e) {
  showMessage(pageMessage, e.status === 404 ? t('task.notFound') : e.status === 409 ? t('task.done') : e.message);
  pageMessage.id = 'page-message';
  document.body.dataset.ready = 'true';
  document.body.dataset.error = String(e.status);
}
if (task) {
  taskType = task.type;
  document.getElementById('task-root').hidden = false;
  renderMeta(task, me);
  decisionPanel(task, me);
  await Promise.all([renderCase(task, me), renderForm(task, task.assignee === me.id && task.delegationState !== 'pending'), morePanel(task, me)]);
  document.body.dataset.ready = 'true';
}
