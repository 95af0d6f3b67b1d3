// Text generation streamed as Server-Sent Events. EventSource can neither POST nor send X-API-Key, so the stream is
// read from fetch(): events are split on blank lines, 'token' events append their character, 'done' ends it.
// Stop aborts the fetch; the gateway then closes its connection to nlp-qa, whose next write fails and ends the
// generation there.
import { $, replace } from './dom.js';
import { call, showError } from './api.js';
import { t } from './i18n.js';

let controller = null;

export function init() {
  $('text-form').addEventListener('submit', (e) => { e.preventDefault(); start(); });
  $('text-stop').addEventListener('click', stop);
}

function request() {
  const number = (id) => ($(id).value === '' ? undefined : Number($(id).value));
  return { prompt: $('text-prompt').value, maxTokens: number('text-max'), temperature: number('text-temperature'),
    topK: number('text-topk'), topP: number('text-topp'), seed: number('text-seed') };
}

async function start() {
  const output = $('text-output');
  const state = $('text-state');
  const body = request();
  replace(output, body.prompt);
  state.textContent = t('text.streaming');
  state.dataset.state = 'streaming';
  showError($('text-error'), null);
  controller = new AbortController();
  setRunning(true);
  let count = 0;
  try {
    const response = await call('/api/v1/nlp/generations/stream', { method: 'POST', json: body,
      headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event.name === 'token') {
          output.append(event.data.text);
          count++;
        } else if (event.name === 'done') {
          const d = event.data;
          state.textContent = t('text.done', { tokens: d.tokens, speed: d.charsPerSecond, seed: d.seed, model: d.model });
          state.dataset.state = 'done';
        }
      }
    }
  } catch (e) {
    if (e.name === 'AbortError') {
      state.textContent = t('text.stopped', { count });
      state.dataset.state = 'stopped';
    } else {
      state.textContent = '';
      state.dataset.state = 'error';
      showError($('text-error'), e);
    }
  } finally {
    controller = null;
    setRunning(false);
  }
}

function parse(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  let parsed = data.join('\n');
  try {
    parsed = JSON.parse(parsed);
  } catch (e) {
    // leave it as text
  }
  return { name, data: parsed };
}

function stop() {
  controller?.abort();
}

function setRunning(running) {
  $('text-start').disabled = running;
  $('text-stop').disabled = !running;
}
