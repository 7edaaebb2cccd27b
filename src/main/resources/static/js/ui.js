// Small DOM helpers: elements built with textContent (never innerHTML with data), dates in Beijing
// time, flash messages that survive one navigation, problem+json shown next to the fields.
import { lang, t } from './i18n.js';

/** el('a', {href: '/x', class: 'y'}, 'text', child …) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.substring(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** API times: ISO with offset (Date fields) or Beijing local time without one (LocalDateTime fields). */
function parse(value) {
  if (!value) return null;
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(text + 'T00:00:00+08:00');
  const zoned = /([zZ]|[+-]\d{2}:?\d{2})$/.test(text) ? text : text + '+08:00';
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

function locale() {
  return lang() === 'en' ? 'en-GB' : 'zh-CN';
}

export function formatDateTime(value) {
  const date = parse(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(date);
}

export function formatDate(value) {
  const date = parse(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function formatMoney(value) {
  if (value === undefined || value === null || value === '') return '';
  return Number(value).toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatSize(bytes) {
  if (bytes === undefined || bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const FLASH_KEY = 'mz.flash';

/** A success message shown on the next page (after a redirect or a reload). */
export function flashNext(message) {
  sessionStorage.setItem(FLASH_KEY, message);
}

export function showFlash(container) {
  const message = sessionStorage.getItem(FLASH_KEY);
  if (message) {
    sessionStorage.removeItem(FLASH_KEY);
    showMessage(container, message, 'success');
  }
}

/** A status line in a container: success (polite) or error (alert). */
export function showMessage(container, message, kind = 'error') {
  if (!container) return;
  clear(container);
  if (!message) {
    container.hidden = true;
    return;
  }
  container.hidden = false;
  container.className = `message message-${kind}`;
  container.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  container.append(el('span', {}, message));
}

/** The text of an ApiError: the problem's detail (already in the page language), or a generic one. */
export function errorText(error) {
  if (!error) return '';
  if (error.status === 0) return t('error.network');
  if (error.problem && error.problem.detail) return error.problem.detail;
  if (error.status === 403) return t('error.forbidden');
  return t('error.generic', { detail: error.message || error.status });
}

/** Shows an ApiError: detail in the message box, each field error next to its field (data-field). */
export function showProblem(container, error, scope = document) {
  scope.querySelectorAll('.field-error[data-generated]').forEach((n) => n.remove());
  scope.querySelectorAll('[aria-invalid="true"]').forEach((n) => n.removeAttribute('aria-invalid'));
  const unplaced = [];
  for (const problem of (error && error.errors) || []) {
    const target = scope.querySelector(`[data-field="${CSS.escape(problem.field)}"]`);
    if (target) {
      const id = `err-${problem.field.replace(/[^\w-]/g, '_')}`;
      const message = el('p', { class: 'field-error', id, dataset: { generated: '1', errorFor: problem.field } }, problem.message);
      target.after(message);
      const input = target.matches('input,textarea,select') ? target : target.querySelector('input,textarea,select');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', id);
      }
    } else {
      unplaced.push(problem);
    }
  }
  showMessage(container, errorText(error));
  if (unplaced.length && container) {
    const list = el('ul', { class: 'problem-list' }, unplaced.map((p) => el('li', { dataset: { field: p.field } },
      `${p.label || p.field}: ${p.message}`)));
    container.append(list);
  }
}

/** Disables a button while its action runs. */
export async function busy(button, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } finally {
    if (button) button.disabled = false;
  }
}

export function pathId(position = 1) {
  const parts = location.pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[position] || '');
}

/** Previous / next buttons and "page x of y" for a page {page, size, total} of a list; goTo(n) loads page n. */
export function renderPaging(nav, page, goTo) {
  clear(nav);
  if (!page || page.total === undefined) return;
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  const prev = el('button', { type: 'button', class: 'secondary', id: 'page-prev', disabled: page.page <= 0 }, t('paging.prev'));
  const next = el('button', { type: 'button', class: 'secondary', id: 'page-next', disabled: page.page + 1 >= pages }, t('paging.next'));
  prev.addEventListener('click', () => goTo(Math.max(0, page.page - 1)));
  next.addEventListener('click', () => goTo(page.page + 1));
  nav.append(prev, el('span', { id: 'page-info' }, t('paging.info', { page: page.page + 1, pages, total: page.total })), next);
}
