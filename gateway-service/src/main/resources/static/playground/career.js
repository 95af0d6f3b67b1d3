// Career compass: the questionnaire from questionnaires/current in the page's language, then the recommendation:
// a radar of the six dimensions, ranked roles with salary ranges and their sources, the explanation, the skill plan.
import { $, el, replace } from './dom.js';
import { getJson, postJson, showError } from './api.js';
import { lang, t } from './i18n.js';
import { radar } from './radar.js';

let questionnaire = null;
const answers = new Map();

export function init() {
  $('career-form').addEventListener('submit', (e) => { e.preventDefault(); recommend(); });
  document.addEventListener('langchange', () => {
    if (questionnaire) load();
    $('career-result').hidden = true;
  });
}

/** Loads (or reloads, in the current language) the questionnaire; answers given so far are kept. */
export async function load() {
  try {
    questionnaire = await getJson('/api/v1/career/questionnaires/current', { query: { lang: lang() } });
    showError($('career-error'), null);
    render();
    return true;
  } catch (e) {
    showError($('career-error'), e);
    return false;
  }
}

function render() {
  const q = questionnaire;
  $('career-q-title').textContent = q.title;
  $('career-q-instructions').textContent = q.instructions;
  const items = [...q.items].sort((a, b) => a.order - b.order);
  replace($('career-items'), items.map((item) => el('li', { dataset: { item: item.id } },
    el('div', {}, item.text),
    el('div', { className: 'scale', role: 'radiogroup' }, q.scale.labels.map((label) => el('label', {},
      el('input', { type: 'radio', name: 'item-' + item.id, value: label.value, checked: answers.get(item.id) === label.value,
        on: { change: () => answers.set(item.id, label.value) } }),
      label.label))))));
}

async function recommend() {
  const missing = questionnaire.items.filter((i) => !answers.has(i.id)).length;
  if (missing) {
    showError($('career-error'), new Error(t('career.missing', { count: missing })));
    return;
  }
  const skills = $('career-skills').value.split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean);
  const years = $('career-years').value;
  const background = skills.length || years !== '' ? { skills: skills.length ? skills : undefined,
    yearsOfExperience: years === '' ? undefined : Number(years) } : undefined;
  const body = { questionnaireVersion: questionnaire.version, answers: Object.fromEntries(answers), background };
  try {
    const r = await postJson('/api/v1/career/recommendations', body, { query: { lang: lang() } });
    showError($('career-error'), null);
    show(r);
  } catch (e) {
    showError($('career-error'), e);
  }
}

function show(r) {
  const a = r.assessment;
  replace($('career-radar'), radar(a.dimensions.map((d) => ({ name: d.name, score: d.score })), t('career.radar')));
  $('career-reliability').textContent = r.reliability.note;
  $('career-tolerance').textContent = t('career.tolerance', { index: a.tolerance.index, band: a.tolerance.band,
    description: a.tolerance.description });
  const source = (id) => r.sources?.[id]?.citation || id;
  replace($('career-ranking'), r.ranking.map((role) => {
    const s = role.role.salary;
    return el('li', { dataset: { role: role.roleId } },
      el('strong', {}, role.title), ' ', el('span', { className: 'total' }, t('career.total', { total: role.total })),
      role.role.summary?.text ? el('div', {}, role.role.summary.text) : null,
      s ? el('div', { className: 'salary' }, t('career.salary', { min: s.min.toLocaleString(), max: s.max.toLocaleString(),
        currency: s.currency, period: s.period, region: s.region }), s.note ? ' — ' + s.note : '') : null,
      s ? el('div', { className: 'source' }, t('career.source', { source: source(s.source) })) : null);
  }));
  $('career-drivers').textContent = [r.drivers?.summary, r.drivers?.answersSummary].filter(Boolean).join(' ');
  $('career-whatif').textContent = [r.whatWouldChange?.summary, r.whatWouldChange?.skillsSummary].filter(Boolean).join(' ');
  const top = r.ranking[0];
  replace($('career-plan'), (top?.skillPlan || []).map((step) => el('li', {},
    el('strong', {}, step.name), ': ', step.action,
    step.why ? el('div', { className: 'meta' }, step.why) : null,
    step.forYourGaps?.length ? el('ul', {}, step.forYourGaps.map((g) => el('li', {}, g))) : null)));
  $('career-disclaimer').textContent = r.disclaimer;
  $('career-result').hidden = false;
}
