// Every call to the platform goes through here: same origin (the gateway), the API key from this tab's
// sessionStorage as X-API-Key, and errors turned into ApiError with the ProblemDetail and, for 429, the wait time.
import { t } from './i18n.js';

const KEY = 'aigc.apiKey';

export function apiKey() {
  return sessionStorage.getItem(KEY) || '';
}

export function setApiKey(value) {
  if (value) sessionStorage.setItem(KEY, value);
  else sessionStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
  }

  /** The error in plain words, in the page's language, followed by the service's own explanation. */
  describe() {
    const s = this.status;
    let summary;
    if (s === 0) summary = t('error.network');
    else if (s === 429) {
      summary = this.retryAfter != null ? t('error.429wait', { seconds: this.retryAfter }) : t('error.429');
    } else if (s === 401) summary = apiKey() ? t('error.401bad') : t('error.401');
    else if (s === 403) summary = t('error.403');
    else if (s === 413) summary = t('error.413');
    else if (s === 415) summary = t('error.415');
    else if (s === 503 || s === 502 || s === 504) summary = t('error.unavailable');
    else if (s >= 400 && s < 500) summary = t('error.bad');
    else summary = t('error.server');
    const lines = [summary];
    const detail = this.problem.detail || this.problem.title;
    if (detail && detail !== summary) lines.push(detail);
    const fields = Array.isArray(this.problem.errors) ? this.problem.errors : [];
    for (const f of fields.slice(0, 5)) {
      if (f && (f.field || f.message)) lines.push((f.field ? f.field + ': ' : '') + (f.message || ''));
    }
    if (this.problem.requestId) lines.push(t('error.requestId', { id: this.problem.requestId }));
    return lines.join('\n');
  }
}

function retryAfterSeconds(response) {
  const header = response.headers.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * fetch() against the gateway. options: method, json (sent as JSON), body, headers, signal, query (object).
 * Resolves to the Response when it is 2xx; throws ApiError otherwise.
 */
export async function call(path, options = {}) {
  const headers = new Headers(options.headers || {});
  const key = options.key ?? apiKey();
  if (key) headers.set('X-API-Key', key);
  let body = options.body;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  }
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query)) if (v !== undefined && v !== null && v !== '') params.set(k, v);
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  let response;
  try {
    response = await fetch(url, { method: options.method || (body ? 'POST' : 'GET'), headers, body,
      signal: options.signal, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { detail: String(e.message || e) }, null);
  }
  if (response.ok) return response;
  let problem = null;
  const type = response.headers.get('Content-Type') || '';
  try {
    if (type.includes('json')) problem = await response.json();
    else {
      const text = (await response.text()).trim();
      if (text) problem = { detail: text.slice(0, 300) };
    }
  } catch (e) {
    problem = null;
  }
  throw new ApiError(response.status, problem, retryAfterSeconds(response));
}

export async function getJson(path, options) {
  return (await call(path, options)).json();
}

export async function postJson(path, json, options = {}) {
  return (await call(path, { ...options, method: 'POST', json })).json();
}

/** Shows an error (ApiError or any Error) in a panel's alert box; null hides it. */
export function showError(box, error) {
  if (!error) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.textContent = error instanceof ApiError ? error.describe() : t('error.page', { message: error.message });
  box.hidden = false;
}
