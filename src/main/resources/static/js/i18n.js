// The workspace's texts: /i18n/zh.json (default) and /i18n/en.json, the same keys in both (a unit test
// keeps them in sync). The chosen language is remembered in localStorage.
const STORAGE_KEY = 'mz.lang';
let dictionary = {};

export function lang() {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh';
}

export function setLang(value) {
  localStorage.setItem(STORAGE_KEY, value === 'en' ? 'en' : 'zh');
}

export async function loadTexts() {
  const response = await fetch(`/i18n/${lang()}.json`, { credentials: 'same-origin' });
  dictionary = await response.json();
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  return dictionary;
}

/** The text of a key with {name} placeholders filled; the key itself when it is unknown. */
export function t(key, params) {
  let text = Object.prototype.hasOwnProperty.call(dictionary, key) ? dictionary[key] : key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (m, name) => (params[name] !== undefined && params[name] !== null ? String(params[name]) : m));
  }
  return text;
}

/** The label of a code (stage, status, type …): the dictionary's, or the code itself. */
export function label(prefix, code) {
  if (code === undefined || code === null || code === '') return '';
  const key = `${prefix}.${code}`;
  return Object.prototype.hasOwnProperty.call(dictionary, key) ? dictionary[key] : code;
}

/** Fills data-i18n (text), data-i18n-placeholder, data-i18n-aria-label and data-i18n-title in the page. */
export function translatePage(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
  const title = document.querySelector('title[data-i18n]');
  if (title) document.title = t(title.dataset.i18n);
}
