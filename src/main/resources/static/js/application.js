// Application detail: GET /api/applications/{id} with its history, notices and materials; 撤回 for clerks.
import { api } from './api.js';
import { initPage } from './header.js';
import { t, label } from './i18n.js';
import { el, clear, showMessage, showProblem, flashNext, busy, pathId } from './ui.js';
import { summarySection, membersSection, materialsSection, historySection, noticesSection } from './case-view.js';

const id = pathId(1);
const me = await initPage('applications');
let app;
try {
  app = await api.get(`/api/applications/${encodeURIComponent(id)}`);
} catch (e) {
  showMessage(document.getElementById('page-message'), e.status === 404 ? t('case.notFound') : e.message);
  document.body.dataset.error = String(e.status);
}
if (app) {
  document.getElementById('app-root').hidden = false;
  document.getElementById('app-heading').textContent = `${app.number} · ${label('status', app.status)}`;
  const column = document.getElementById('case-column');
  column.append(await summarySection(app), membersSection(app),
    materialsSection(app, me.roles.includes('clerk') && app.status === 'in_progress'),
    historySection(app.id, app.type), noticesSection(app.notices));
  if (me.roles.includes('clerk') && app.status === 'in_progress') {
    const message = document.getElementById('more-message');
    const reason = el('textarea', { id: 'withdraw-text', rows: 2, 'data-field': 'reason' });
    const submit = el('button', { type: 'button', class: 'danger', id: 'withdraw-submit' }, t('task.withdraw'));
    const group = el('fieldset', { class: 'operation', id: 'op-withdraw' }, el('legend', {}, t('task.withdraw')),
      el('p', { class: 'hint' }, t('task.withdrawHint')), el('label', { for: 'withdraw-text' }, t('task.withdrawReason')), reason,
      el('div', { class: 'actions' }, submit));
    submit.addEventListener('click', () => busy(submit, async () => {
      const text = reason.value.trim();
      if (!text) {
        showProblem(message, { problem: { detail: t('task.reasonRequired') }, errors: [{ field: 'reason', message: t('task.reasonRequired') }] }, group);
        return;
      }
      if (!window.confirm(t('task.withdrawConfirm'))) return;
      try {
        await api.post(`/api/applications/${app.id}/withdraw`, { reason: text });
        flashNext(t('task.withdrawn'));
        location.reload();
      } catch (e) {
        showProblem(message, e, group);
      }
    }));
    clear(document.getElementById('more')).append(group);
    document.getElementById('more-section').hidden = false;
  }
}
document.body.dataset.ready = 'true';
