// Digit recogniser: a drawing board (pointer events: mouse, touch and pen), live top-3 while drawing (at most one
// request per THROTTLE_MS during a stroke, one DEBOUNCE_MS after the last change, and never two at once: a slow
// answer makes the page send less, not pile requests up), the 28×28 input the classifier saw (its preprocessed=true
// field), photo upload. #digit-bars carries data-pending="true" while the newest drawing has no answer yet.
import { $, el, percent, pngDataUrl, replace } from './dom.js';
import { call, showError } from './api.js';
import { t } from './i18n.js';

const DEBOUNCE_MS = 250;
const THROTTLE_MS = 500;
const ENDPOINT = '/api/v1/classifications';

let canvas, ctx, drawing = false, dirty = false, timer = null, sequence = 0, photoUrl = null, lastSent = 0;
let inFlight = false;

export function init() {
  canvas = $('digit-canvas');
  ctx = canvas.getContext('2d');
  clear();
  canvas.addEventListener('pointerdown', start);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('pointerleave', end);
  $('digit-clear').addEventListener('click', clear);
  $('digit-file').addEventListener('change', upload);
}

function clear() {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  dirty = false;
  sequence++; // any answer still on its way belongs to the old drawing
  clearTimeout(timer);
  replace($('digit-bars'));
  pending(false);
  $('digit-seen').hidden = true;
  showError($('digits-error'), null);
}

function point(event) {
  const box = canvas.getBoundingClientRect();
  return [(event.clientX - box.left) * canvas.width / box.width, (event.clientY - box.top) * canvas.height / box.height];
}

function start(event) {
  event.preventDefault();
  canvas.setPointerCapture?.(event.pointerId);
  drawing = true;
  const [x, y] = point(event);
  ctx.strokeStyle = '#000';
  ctx.fillStyle = '#000';
  ctx.lineWidth = 18;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.arc(x, y, ctx.lineWidth / 2, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(x, y);
  changed();
}

function move(event) {
  if (!drawing) return;
  event.preventDefault();
  const [x, y] = point(event);
  ctx.lineTo(x, y);
  ctx.stroke();
  changed();
}

function end() {
  if (!drawing) return;
  drawing = false;
  changed();
}

function changed() {
  dirty = true;
  pending(true);
  schedule();
}

function schedule() {
  clearTimeout(timer);
  const live = drawing && performance.now() - lastSent >= THROTTLE_MS;
  timer = setTimeout(classifyCanvas, live ? 0 : DEBOUNCE_MS);
}

function pending(value) {
  $('digit-bars').dataset.pending = String(value);
}

function classifyCanvas() {
  if (!dirty || inFlight) return; // an answer on its way: the drawing is sent again once it is in
  dirty = false;
  inFlight = true;
  lastSent = performance.now();
  const mine = ++sequence; // taken now, so an answer to an earlier state of the drawing cannot win
  canvas.toBlob(async (blob) => {
    try {
      if (blob) await classify(blob, 'drawing.png', mine);
    } finally {
      inFlight = false;
      if (dirty) schedule();
    }
  }, 'image/png');
}

async function upload(event) {
  const file = event.target.files[0];
  if (!file) return;
  if (photoUrl) URL.revokeObjectURL(photoUrl);
  photoUrl = URL.createObjectURL(file);
  const photo = $('digit-photo');
  photo.src = photoUrl;
  photo.alt = file.name;
  photo.hidden = false;
  pending(true);
  await classify(file, file.name, ++sequence);
  event.target.value = '';
}

/** Sends one image; an answer is shown only while its request is the newest one. */
async function classify(blob, name, mine) {
  const form = new FormData();
  form.append('image', blob, name);
  try {
    const response = await call(ENDPOINT, { method: 'POST', body: form, query: { k: 3, preprocessed: true } });
    const answer = await response.json();
    if (mine !== sequence) return;
    showError($('digits-error'), null);
    render(answer);
  } catch (e) {
    if (mine === sequence) showError($('digits-error'), e);
  } finally {
    if (mine === sequence && !dirty) pending(false); // nothing newer sent or waiting to be sent
  }
}

function render(answer) {
  replace($('digit-bars'), answer.top.map((p) => el('li', { dataset: { digit: p.digit } },
    el('span', { className: 'digit' }, p.digit),
    el('meter', { min: 0, max: 1, value: p.probability, title: percent(p.probability) }),
    el('span', { className: 'pct' }, percent(p.probability)))));
  const seen = $('digit-seen');
  if (answer.preprocessed) {
    seen.src = pngDataUrl(answer.preprocessed);
    seen.alt = t('digits.seen');
    seen.hidden = false;
  }
  $('digit-model').textContent = answer.modelVersion + (answer.ensemble ? ' (' + t('digits.ensemble') + ')' : '');
}

/** Used by the GAN studio: classify a Base64 PNG, return the answer. */
export async function classifyPng(base64) {
  const response = await call(ENDPOINT, { method: 'POST', json: { imageBase64: base64 }, query: { k: 3 } });
  return response.json();
}
