// Status: each service's readiness and model versions from /api/v1/status.
import { $, el, replace } from './dom.js';
import { getJson, showError } from './api.js';
import { t } from './i18n.js';

let last = null;

export function init() {
  $('status-refresh').addEventListener('click', load);
  document.addEventListener('langchange', () => last && render(last));
}

export async function load() {
  try {
    last = await getJson('/api/v1/status');
    showError($('status-error'), null);
    render(last);
    return true;
  } catch (e) {
    showError($('status-error'), e);
    return false;
  }
}

function render(status) {
  const overall = $('status-overall');
  overall.textContent = status.status;
  overall.className = 'ready-' + (status.status === 'DEGRADED' ? 'DOWN' : status.status);
  $('status-checked').textContent = t('status.checked', { time: new Date(status.checkedAt).toLocaleTimeString() });
  replace($('status-rows'), status.services.map((s) => el('tr', { dataset: { service: s.name } },
    el('td', {}, s.name),
    el('td', { className: 'ready-' + s.readiness }, s.readiness),
    el('td', {}, s.models?.active ?? '–'),
    el('td', {}, s.models?.available?.join(', ') ?? '–'))));
}
