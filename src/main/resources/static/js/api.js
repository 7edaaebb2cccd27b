// Calls of our JSON API with the session cookie. State-changing calls carry the CSRF token of the
// MZ-XSRF-TOKEN cookie in X-MZ-XSRF-TOKEN. Errors become ApiError with the problem+json detail and the
// field errors. No personal data goes into addresses except where the API contract puts it (q).
import { lang } from './i18n.js';

export const CSRF_COOKIE = 'MZ-XSRF-TOKEN';
export const CSRF_HEADER = 'X-MZ-XSRF-TOKEN';

export function csrfToken() {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(CSRF_COOKIE + '='));
  return entry ? decodeURIComponent(entry.substring(CSRF_COOKIE.length + 1)) : '';
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && problem.detail) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.errors = (problem && Array.isArray(problem.errors)) ? problem.errors : [];
  }
}

async function request(method, path, { body, params, form } = {}) {
  let url = path;
  if (params) {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null && v !== '' && v !== false) search.set(k, String(v));
    }
    const qs = search.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  const headers = { Accept: 'application/json', 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN' };
  if (method !== 'GET') headers[CSRF_HEADER] = csrfToken();
  let payload;
  if (form) {
    payload = form;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, null);
  }
  if (response.status === 401) {
    location.assign('/login?expired');
    throw new ApiError(401, null);
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const api = {
  get: (path, params) => request('GET', path, { params }),
  post: (path, body) => request('POST', path, { body: body === undefined ? {} : body }),
  put: (path, body) => request('PUT', path, { body: body === undefined ? {} : body }),
  upload: (path, formData) => request('POST', path, { form: formData }),
};
