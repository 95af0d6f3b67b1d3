// Knowledge-base chat: each answer with numbered citations that open their passage (and the whole document on
// request); a refusal ("I don't know") is shown as such. Admins can add a document with their key.
import { $, el, replace } from './dom.js';
import { getJson, postJson, showError } from './api.js';
import { t } from './i18n.js';

const ADMIN_KEY = 'aigc.adminKey';
let turn = 0;

export function init() {
  $('qa-form').addEventListener('submit', (e) => { e.preventDefault(); ask(); });
  $('doc-form').addEventListener('submit', (e) => { e.preventDefault(); upload(); });
  const key = $('doc-key');
  key.value = sessionStorage.getItem(ADMIN_KEY) || '';
  key.addEventListener('input', () => {
    if (key.value) sessionStorage.setItem(ADMIN_KEY, key.value.trim());
    else sessionStorage.removeItem(ADMIN_KEY);
  });
}

async function ask() {
  const input = $('qa-question');
  const question = input.value.trim();
  if (!question) return;
  const log = $('qa-log');
  log.append(el('div', { className: 'msg user' }, question));
  const button = $('qa-form').querySelector('button');
  button.disabled = true;
  try {
    const answer = await postJson('/api/v1/qa/ask', { question, topK: 3 });
    showError($('qa-error'), null);
    log.append(render(answer, ++turn));
    input.value = '';
  } catch (e) {
    showError($('qa-error'), e);
  } finally {
    button.disabled = false;
  }
}

function render(answer, n) {
  if (!answer.answered) {
    return el('div', { className: 'msg bot unknown', dataset: { answered: 'false' } },
      el('span', { className: 'badge' }, t('qa.unknown')), t('qa.unknownText'),
      answer.unknownTerms?.length ? el('div', { className: 'meta' }, t('qa.unknownTerms', { terms: answer.unknownTerms.join(', ') })) : null,
      answer.missingAnswer?.length ? el('div', { className: 'meta' }, t('qa.missingAnswer', { kinds: answer.missingAnswer.map(k => t('qa.kind.' + k)).join(', ') })) : null,
      el('div', { className: 'meta' }, t('qa.confidence', { value: answer.confidence.toFixed(2) })));
  }
  const list = el('ol', { className: 'citations' });
  const refs = answer.citations.map((c, i) => {
    const id = `cite-${n}-${i + 1}`;
    const details = el('details', { id },
      el('summary', {}, c.title),
      el('blockquote', {}, c.snippet),
      el('button', { type: 'button', className: 'secondary', on: { click: (e) => openDocument(c.documentId, e.target) } }, t('qa.openDoc')));
    list.append(el('li', {}, details));
    return el('button', { type: 'button', className: 'cite-ref', title: c.title, 'aria-label': t('qa.cite', { n: i + 1 }),
      on: { click: () => { details.open = true; details.scrollIntoView({ block: 'nearest' }); } } }, `[${i + 1}]`);
  });
  return el('div', { className: 'msg bot', dataset: { answered: 'true' } },
    el('div', { className: 'answer' }, answer.answer, ' ', refs),
    el('div', { className: 'meta' }, t('qa.confidence', { value: answer.confidence.toFixed(2) }), ' · ', t('qa.sources')),
    list);
}

async function openDocument(id, button) {
  try {
    const doc = await getJson('/api/v1/qa/documents/' + encodeURIComponent(id));
    button.replaceWith(el('blockquote', { className: 'document' }, doc.text,
      doc.source ? el('div', { className: 'meta' }, doc.source) : null));
  } catch (e) {
    showError($('qa-error'), e);
  }
}

async function upload() {
  const key = $('doc-key').value.trim() || undefined;
  const body = { title: $('doc-title').value, text: $('doc-text').value, source: $('doc-source').value || undefined,
    lang: $('doc-lang').value || undefined };
  const result = $('doc-result');
  result.textContent = '';
  try {
    const doc = await postJson('/api/v1/qa/documents', body, { key });
    showError($('doc-error'), null);
    result.textContent = t('qa.docStored', { title: doc.title, id: doc.id, chunks: doc.chunks });
  } catch (e) {
    showError($('doc-error'), e);
  }
}
