// The header of every page: who is logged in and where, notifications, language, navigation, logout.
import { api, csrfToken } from './api.js';
import { lang, loadTexts, setLang, t, label, translatePage } from './i18n.js';
import { el, clear, formatDateTime, showFlash } from './ui.js';
import { loadTypes } from './types.js';

const NAV = [
  { page: 'inbox', href: '/', key: 'nav.inbox' },
  { page: 'applications', href: '/applications', key: 'nav.applications' },
  { page: 'overdue', href: '/overdue', key: 'nav.overdue' },
  { page: 'dashboard', href: '/dashboard', key: 'nav.dashboard' },
  { page: 'models', href: '/admin/models', key: 'nav.models', roles: ['admin'] },
  { page: 'admin-calendar', href: '/admin/calendar', key: 'nav.calendar', roles: ['admin'] },
  { page: 'admin-notice-templates', href: '/admin/notice-templates', key: 'nav.noticeTemplates', roles: ['admin'] },
  { page: 'admin-annual-reviews', href: '/admin/annual-reviews', key: 'nav.annualReviews', roles: ['admin'] },
  { page: 'ledger', href: '/audit/ledger', key: 'nav.ledger', roles: ['auditor', 'admin'] },
  { page: 'audit-cases', href: '/audit/cases', key: 'nav.auditCases', roles: ['auditor', 'admin'] },
];

/** Loads the texts and the names of types and stages, renders the header and answers the current user (GET /api/me). */
export async function initPage(page) {
  await loadTexts();
  translatePage();
  const [me] = await Promise.all([api.get('/api/me'), loadTypes()]);
  renderHeader(document.getElementById('app-header'), page, me);
  showFlash(document.getElementById('page-message'));
  return me;
}

/** A bell drawn inline (no icon font, no emoji font needed). */
function bellIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z');
  svg.append(path);
  return svg;
}

function renderHeader(header, page, me) {
  clear(header);
  const badge = el('span', { class: 'badge', id: 'notif-count', hidden: true }, '0');
  const button = el('button', {
    type: 'button', class: 'notif-button', id: 'notif-button', 'aria-haspopup': 'true', 'aria-expanded': 'false',
    'aria-controls': 'notif-panel', 'aria-label': t('notif.label'),
  }, bellIcon(), el('span', { class: 'notif-label' }, t('notif.label')), badge);
  const panel = el('div', { class: 'notif-panel', id: 'notif-panel', hidden: true, role: 'region', 'aria-label': t('notif.label') });
  button.addEventListener('click', async () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) await renderNotifications(panel, badge);
  });
  document.addEventListener('click', (e) => {
    if (!panel.hidden && !panel.contains(e.target) && !button.contains(e.target)) {
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    }
  });

  const logout = el('form', { method: 'post', action: '/logout', class: 'logout-form' },
    el('input', { type: 'hidden', name: '_csrf', value: '' }),
    el('button', { type: 'submit', class: 'link-button', id: 'logout' }, t('nav.logout')));
  logout.addEventListener('submit', () => { logout.elements._csrf.value = csrfToken(); });

  const langButton = el('button', {
    type: 'button', class: 'link-button', id: 'lang-switch', lang: lang() === 'en' ? 'zh-CN' : 'en', title: t('lang.switchLabel'),
  }, t('lang.switch'));
  langButton.addEventListener('click', () => { setLang(lang() === 'en' ? 'zh' : 'en'); location.reload(); });

  header.append(
    el('a', { class: 'skip-link', href: '#main' }, t('app.skip')),
    el('div', { class: 'header-inner' },
      el('a', { class: 'brand', href: '/' }, t('app.title')),
      el('nav', { 'aria-label': t('nav.main'), class: 'main-nav' },
        el('ul', {}, NAV.filter((item) => !item.roles || item.roles.some((r) => me.roles.includes(r))).map((item) => el('li', {}, el('a', {
          href: item.href, id: `nav-${item.page}`, 'aria-current': item.page === page ? 'page' : undefined,
        }, t(item.key)))))),
      el('div', { class: 'header-tools' },
        el('span', { class: 'who', id: 'current-user' }, el('strong', {}, me.name), el('span', { class: 'region' }, me.regionName)),
        el('div', { class: 'notif' }, button, panel),
        langButton,
        logout)));
  refreshCount(badge);
}

export async function refreshCount(badge = document.getElementById('notif-count')) {
  try {
    const { unread } = await api.get('/api/notifications/count');
    badge.textContent = String(unread);
    badge.hidden = !unread;
    const button = document.getElementById('notif-button');
    if (button) button.setAttribute('aria-label', unread ? t('notif.unread', { n: unread }) : t('notif.label'));
  } catch (e) {
    badge.hidden = true;
  }
}

function targetOf(n) {
  if (n.taskId && n.kind !== 'cc' && n.kind !== 'returned') return `/tasks/${encodeURIComponent(n.taskId)}`;
  if (n.applicationId) return `/applications/${encodeURIComponent(n.applicationId)}`;
  return null;
}

async function renderNotifications(panel, badge) {
  clear(panel).append(el('p', { class: 'muted' }, t('common.loading')));
  let items = [];
  try {
    items = await api.get('/api/notifications', { size: 20 });
  } catch (e) {
    items = [];
  }
  clear(panel);
  const readAll = el('button', { type: 'button', class: 'link-button', id: 'notif-read-all' }, t('notif.readAll'));
  readAll.addEventListener('click', async () => {
    await api.post('/api/notifications/read-all');
    await renderNotifications(panel, badge);
    refreshCount(badge);
  });
  panel.append(el('div', { class: 'notif-head' }, el('strong', {}, t('notif.label')), items.some((n) => !n.readAt) ? readAll : null));
  if (!items.length) {
    panel.append(el('p', { class: 'muted' }, t('notif.none')));
    return;
  }
  const list = el('ul', { class: 'notif-list' });
  for (const n of items) {
    const target = targetOf(n);
    const text = el('span', { class: 'notif-text' }, n.message);
    const item = el('li', { class: n.readAt ? 'read' : 'unread', dataset: { kind: n.kind, id: n.id } },
      el('span', { class: `tag tag-${n.kind}` }, label('notif.kind', n.kind)),
      target ? el('a', { href: target }, text) : text,
      el('time', { datetime: n.createdAt }, formatDateTime(n.createdAt)));
    if (!n.readAt) {
      const mark = el('button', { type: 'button', class: 'link-button small' }, t('notif.markRead'));
      mark.addEventListener('click', async () => {
        await api.post(`/api/notifications/${n.id}/read`);
        item.className = 'read';
        mark.remove();
        refreshCount(badge);
      });
      item.append(mark);
      const link = item.querySelector('a');
      if (link) {
        link.addEventListener('click', async (e) => {
          e.preventDefault();
          await api.post(`/api/notifications/${n.id}/read`).catch(() => {});
          location.assign(link.getAttribute('href'));
        });
      }
    }
    list.append(item);
  }
  panel.append(list);
}
