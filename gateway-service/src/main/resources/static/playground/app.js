// Entry point: tabs, the language switch, the API key field; each panel module wires its own section.
import { $ } from './dom.js';
import { apply, lang, setLang } from './i18n.js';
import { apiKey, setApiKey } from './api.js';
import * as digits from './digits.js';
import * as gan from './gan.js';
import * as qa from './qa.js';
import * as text from './textgen.js';
import * as career from './career.js';
import * as status from './status.js';

// panels that fetch something when first shown (status: each time); a load that failed is tried again
const loaders = { career: career.load, status: status.load };
const loaded = new Set();
let current = null;

async function load(panel) {
  if (loaders[panel] && await loaders[panel]()) loaded.add(panel);
}

function show(panel) {
  current = panel;
  for (const tab of document.querySelectorAll('.tabs [role="tab"]')) {
    const selected = tab.dataset.panel === panel;
    tab.setAttribute('aria-selected', String(selected));
    $('panel-' + tab.dataset.panel).hidden = !selected;
  }
  if (location.hash !== '#' + panel) history.replaceState(null, '', '#' + panel);
  if (!loaded.has(panel) || panel === 'status') load(panel);
}

function languageButton() {
  const button = $('lang-toggle');
  const other = lang() === 'zh' ? 'en' : 'zh';
  button.textContent = other === 'en' ? 'English' : '中文';
  button.lang = other === 'en' ? 'en' : 'zh-CN';
  button.dataset.lang = other;
}

function init() {
  apply();
  languageButton();
  $('lang-toggle').addEventListener('click', () => {
    setLang($('lang-toggle').dataset.lang);
    languageButton();
  });
  const key = $('api-key');
  key.value = apiKey();
  let typing = null;
  key.addEventListener('input', () => {
    setApiKey(key.value.trim());
    // a new key: what the open panel fetched (or failed to fetch) with the old one is fetched again
    clearTimeout(typing);
    typing = setTimeout(() => load(current), 400);
  });
  for (const tab of document.querySelectorAll('.tabs [role="tab"]')) {
    tab.addEventListener('click', () => show(tab.dataset.panel));
  }
  for (const module of [digits, gan, qa, text, career, status]) module.init();
  const first = location.hash.slice(1);
  show($('panel-' + first) ? first : 'digits');
  document.body.dataset.ready = 'true';
}

init();
