// GAN studio: a grid for one digit and seed at a chosen ψ, the same-seed demonstration, an interpolation strip with
// a slider, and one click to hand a generated digit to the recogniser.
import { $, el, percent, pngDataUrl, replace } from './dom.js';
import { postJson, showError } from './api.js';
import { t } from './i18n.js';
import { classifyPng } from './digits.js';

const GRID = 16;
let frames = [];

export function init() {
  for (const id of ['gan-digit', 'interp-from-digit', 'interp-to-digit']) {
    replace($(id), Array.from({ length: 10 }, (_, d) => el('option', { value: d }, d)));
  }
  $('gan-digit').value = '3';
  $('interp-from-digit').value = '1';
  $('interp-to-digit').value = '7';
  const psi = $('gan-psi');
  psi.addEventListener('input', () => { $('gan-psi-value').textContent = Number(psi.value).toFixed(2); });
  $('gan-form').addEventListener('submit', (e) => { e.preventDefault(); grid(); });
  $('gan-same-seed').addEventListener('click', sameSeed);
  $('interp-form').addEventListener('submit', (e) => { e.preventDefault(); interpolate(); });
  $('interp-slider').addEventListener('input', showFrame);
}

function settings() {
  return { digit: Number($('gan-digit').value), seed: Number($('gan-seed').value || 0), truncation: Number($('gan-psi').value) };
}

function generate(count, s) {
  return postJson('/api/v1/gan/generations', { count, digit: s.digit, seed: s.seed, truncation: s.truncation, format: 'png' });
}

async function grid() {
  const error = $('gan-error');
  const s = settings();
  try {
    const answer = await generate(GRID, s);
    showError(error, null);
    $('gan-model').textContent = answer.model + ' ' + answer.version + ' · ψ ' + answer.truncation;
    $('gan-verdict').textContent = '';
    replace($('gan-grid'), answer.images.map((image) => {
      const label = t('gan.image', { digit: image.digit, index: image.index + 1 });
      return el('button', { type: 'button', title: t('gan.sendTitle'), dataset: { index: image.index },
        on: { click: () => recognise(image) } },
      el('img', { src: pngDataUrl(image.png), alt: label, width: 56, height: 56 }));
    }));
  } catch (e) {
    showError(error, e);
  }
}

async function recognise(image) {
  const verdict = $('gan-verdict');
  try {
    const answer = await classifyPng(image.png);
    showError($('gan-error'), null);
    const ok = answer.digit === image.digit;
    verdict.className = 'verdict ' + (ok ? 'good' : 'bad');
    verdict.textContent = t('gan.readAs', { asked: image.digit, read: answer.digit, p: percent(answer.probability),
      verdict: t(ok ? 'gan.match' : 'gan.mismatch') });
  } catch (e) {
    showError($('gan-error'), e);
  }
}

/** Two requests with the same seed and settings, and one with the next seed: the first two must match exactly. */
async function sameSeed() {
  const s = settings();
  const other = { ...s, seed: s.seed + 1 };
  try {
    const [a, b, c] = [await generate(1, s), await generate(1, s), await generate(1, other)];
    showError($('gan-error'), null);
    const same = a.images[0].png === b.images[0].png;
    const differs = a.images[0].png !== c.images[0].png;
    const figure = (answer, caption) => el('figure', {},
      el('img', { src: pngDataUrl(answer.images[0].png), alt: caption, width: 84, height: 84 }), el('figcaption', {}, caption));
    replace($('gan-same'),
      figure(a, t('gan.first')), figure(b, t('gan.second')), figure(c, t('gan.otherSeed', { seed: other.seed })),
      el('p', { className: 'verdict ' + (same && differs ? 'good' : 'bad'), id: 'gan-same-verdict' },
        t('gan.sameResult', { seed: s.seed, other: other.seed, verdict: t(same ? 'gan.identical' : 'gan.different'),
          verdict2: t(differs ? 'gan.different' : 'gan.identical') })));
  } catch (e) {
    showError($('gan-error'), e);
  }
}

async function interpolate() {
  const body = {
    from: { digit: Number($('interp-from-digit').value), seed: Number($('interp-from-seed').value || 0) },
    to: { digit: Number($('interp-to-digit').value), seed: Number($('interp-to-seed').value || 0) },
    steps: 16, format: 'json',
  };
  try {
    const answer = await postJson('/api/v1/gan/interpolations', body);
    showError($('gan-error'), null);
    frames = answer.frames;
    replace($('interp-strip'), frames.map((f) => el('img', { src: pngDataUrl(f.png), alt: t('gan.t', { t: f.t.toFixed(2) }),
      width: 36, height: 36, on: { click: () => { $('interp-slider').value = f.step; showFrame(); } } })));
    const slider = $('interp-slider');
    slider.max = String(frames.length - 1);
    slider.value = '0';
    slider.disabled = false;
    showFrame();
  } catch (e) {
    showError($('gan-error'), e);
  }
}

function showFrame() {
  const i = Number($('interp-slider').value);
  const frame = frames[i];
  if (!frame) return;
  const img = $('interp-frame');
  img.src = pngDataUrl(frame.png);
  img.alt = t('gan.t', { t: frame.t.toFixed(2) });
  img.hidden = false;
  $('interp-t').textContent = t('gan.t', { t: frame.t.toFixed(2) });
  [...$('interp-strip').children].forEach((node, j) => node.classList.toggle('current', j === i));
}
