// The playground in a real browser against the real platform (started by scripts/test-browser.sh with anonymous
// access off: every test enters a key, as a visitor of a locked-down gateway would).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { BASE, KEYS, NLP_QA, SHOTS, close, launch, open, shot } from '../lib/harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the page is served under a strict CSP and explains a missing key in plain words', async () => {
  const session = await open(browser, { key: '', panel: 'status' });
  const { page, response } = session;
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  const error = page.locator('#status-error');
  await error.waitFor();
  assert.match(await error.textContent(), /An API key is needed/);
  // the same page in Chinese
  await page.click('#lang-toggle');
  assert.equal(await page.locator('.tabs [data-panel="digits"]').textContent(), '手写识别');
  await page.click('#status-refresh');
  await page.waitForFunction(() => document.querySelector('#status-error').textContent.includes('需要 API 密钥'));
  await close(session, assert);
});

test('status shows every service ready with its model version', async () => {
  const session = await open(browser, { panel: 'status' });
  const { page } = session;
  await page.locator('#status-rows tr').nth(3).waitFor();
  const rows = await page.locator('#status-rows tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => r[0]).sort(), ['career', 'classifier', 'gan', 'nlp-qa']);
  for (const row of rows) assert.equal(row[1], 'UP', row.join(' | '));
  assert.notEqual(rows.find((r) => r[0] === 'classifier')[2], '–');
  assert.equal(await page.locator('#status-overall').textContent(), 'UP');
  // the key lives in this tab's sessionStorage only
  assert.equal(await page.evaluate(() => sessionStorage.getItem('aigc.apiKey')), KEYS.user);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => /key/i.test(k))), []);
  assert.equal(await page.evaluate(() => document.cookie), '');
  await shot(page, 'status');
  await close(session, assert);
});

test('drawing a 7 with the mouse puts 7 on top and shows the 28x28 input', async () => {
  const session = await open(browser);
  const { page } = session;
  let sent = 0;
  page.on('request', (r) => { if (r.url().includes('/api/v1/classifications?')) sent++; });
  const box = await page.locator('#digit-canvas').boundingBox();
  const at = (x, y) => [box.x + (x / 280) * box.width, box.y + (y / 280) * box.height];
  await page.mouse.move(...at(60, 55));
  await page.mouse.down();
  await page.mouse.move(...at(215, 55), { steps: 12 });
  await page.mouse.move(...at(120, 245), { steps: 16 });
  await page.mouse.up();
  // the answer to the finished drawing (answers to parts of it may have come while drawing)
  await page.locator('#digit-bars[data-pending="false"] li').first().waitFor();
  const first = page.locator('#digit-bars li').first();
  assert.equal(await first.getAttribute('data-digit'), '7');
  assert.equal(await page.locator('#digit-bars li').count(), 3);
  assert.ok(sent >= 2, `${sent} classification requests (one when the stroke began, one after it ended)`);
  const seen = await page.locator('#digit-seen').evaluate((img) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]));
  assert.deepEqual(seen, [28, 28]);
  assert.notEqual(await page.locator('#digit-model').textContent(), '–');
  await shot(page, 'digits');
  // clearing forgets the answer
  await page.click('#digit-clear');
  assert.equal(await page.locator('#digit-bars li').count(), 0);
  await close(session, assert);
});

test('a photo of a digit can be uploaded instead', async () => {
  const session = await open(browser);
  const { page } = session;
  // a PNG drawn in the browser itself: a thick "1" on paper-grey, like a phone photo of a note
  const png = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 120; c.height = 160;
    const g = c.getContext('2d');
    g.fillStyle = '#e8e4dc'; g.fillRect(0, 0, 120, 160);
    g.strokeStyle = '#222'; g.lineWidth = 14; g.lineCap = 'round';
    g.beginPath(); g.moveTo(45, 40); g.lineTo(65, 22); g.lineTo(65, 138); g.stroke();
    return c.toDataURL('image/png').split(',')[1];
  });
  await page.setInputFiles('#digit-file', { name: 'one.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  const first = page.locator('#digit-bars li').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-digit'), '1');
  assert.equal(await page.locator('#digit-photo').isVisible(), true);
  await close(session, assert);
});

test('GAN studio: a grid for digit 3, the same-seed demonstration, interpolation, and the recogniser agrees', async () => {
  const session = await open(browser, { panel: 'gan' });
  const { page } = session;
  await page.selectOption('#gan-digit', '3');
  await page.fill('#gan-seed', '2024');
  await page.click('#gan-form button[type="submit"]');
  const images = page.locator('#gan-grid img');
  await images.nth(15).waitFor();
  const sizes = await images.evaluateAll((imgs) => Promise.all(imgs.map((i) => i.decode().then(() => [i.naturalWidth, i.naturalHeight]))));
  assert.equal(sizes.length, 16);
  for (const size of sizes) assert.deepEqual(size, [28, 28]);
  assert.match(await images.first().getAttribute('alt'), /3/);

  await page.locator('#gan-grid button').first().click();
  const verdict = page.locator('#gan-verdict');
  await page.waitForFunction(() => document.querySelector('#gan-verdict').textContent !== '');
  assert.match(await verdict.textContent(), /^Asked for 3, the recogniser reads 3 /);
  assert.match(await verdict.getAttribute('class'), /good/);

  await page.click('#gan-same-seed');
  const same = page.locator('#gan-same-verdict');
  await same.waitFor();
  assert.match(await same.textContent(), /Seed 2024 twice: byte-for-byte identical; seed 2025 instead: different/);

  await page.click('#interp-form button[type="submit"]');
  await page.locator('#interp-strip img').nth(15).waitFor();
  const first = await page.locator('#interp-frame').getAttribute('src');
  await page.locator('#interp-slider').fill('15');
  assert.equal(await page.locator('#interp-t').textContent(), 't = 1.00');
  assert.notEqual(await page.locator('#interp-frame').getAttribute('src'), first);
  await shot(page, 'gan');
  await close(session, assert);
});

test('the knowledge base answers 什么是生成对抗网络？ with citations, and says when it does not know', async () => {
  const session = await open(browser, { panel: 'qa', locale: 'zh-CN' });
  const { page } = session;
  await page.fill('#qa-question', '什么是生成对抗网络？');
  await page.click('#qa-form button');
  const answer = page.locator('.msg.bot').first();
  await answer.waitFor();
  assert.equal(await answer.getAttribute('data-answered'), 'true');
  assert.match(await answer.locator('.answer').textContent(), /生成/);
  const citations = answer.locator('.citations details');
  assert.ok(await citations.count() >= 1);
  await answer.locator('.cite-ref').first().click();
  assert.equal(await citations.first().evaluate((d) => d.open), true);
  assert.ok((await citations.first().locator('blockquote').textContent()).length > 10);
  await citations.first().locator('button').click();
  await citations.first().locator('blockquote.document').waitFor();

  await page.fill('#qa-question', '量子色动力学里的胶子禁闭是怎么回事？');
  await page.click('#qa-form button');
  const refusal = page.locator('.msg.bot').nth(1);
  await refusal.waitFor();
  assert.equal(await refusal.getAttribute('data-answered'), 'false');
  assert.match(await refusal.textContent(), /^不知道/);
  await shot(page, 'qa');
  await close(session, assert);
});

test('an XSS probe in a document title renders as text, and a user key may not add documents', async () => {
  const session = await open(browser, { panel: 'qa' });
  const { page } = session;
  const title = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Quokkabase probe';
  await page.click('.admin summary');
  await page.fill('#doc-title', title);
  await page.fill('#doc-text', 'Quokkabase is a made-up storage engine for this browser test. Quokkabase keeps every record in a ring of append-only files and compacts them at night.');
  await page.selectOption('#doc-lang', 'en');
  // with the user key from the top of the page: 403 in plain words
  await page.click('#doc-form button');
  await page.locator('#doc-error').waitFor();
  assert.match(await page.locator('#doc-error').textContent(), /needs an admin key/);
  // with the admin key in the form's own field
  await page.fill('#doc-key', KEYS.admin);
  await page.click('#doc-form button');
  await page.waitForFunction(() => document.querySelector('#doc-result').textContent !== '');
  assert.ok((await page.locator('#doc-result').textContent()).includes(title));
  assert.equal(await page.evaluate(() => sessionStorage.getItem('aigc.adminKey')), KEYS.admin);
  assert.equal(await page.evaluate(() => localStorage.getItem('aigc.adminKey')), null);

  await page.fill('#qa-question', 'How does Quokkabase keep its records?');
  await page.click('#qa-form button');
  const answer = page.locator('.msg.bot').first();
  await answer.waitFor();
  assert.equal(await answer.getAttribute('data-answered'), 'true');
  const titles = await answer.locator('.citations summary').allTextContents();
  assert.ok(titles.includes(title), titles.join(' | '));
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator('img[src="x"], .msg script').count(), 0);
  await shot(page, 'xss-probe');
  await close(session, assert);
});

async function cancelledStreams() {
  const response = await fetch(`${NLP_QA}/actuator/metrics/nlp.generation.streams?tag=outcome:cancelled`);
  assert.equal(response.status, 200);
  return (await response.json()).measurements[0].value;
}

test('text streams in token by token and Stop ends the stream on the server', async () => {
  const session = await open(browser, { panel: 'text' });
  const { page } = session;
  const prompt = await page.locator('#text-prompt').inputValue();
  // a short stream to the end
  await page.fill('#text-max', '60');
  await page.fill('#text-seed', '7');
  await page.click('#text-start');
  await page.waitForFunction(() => document.querySelector('#text-state').dataset.state === 'done');
  assert.equal((await page.locator('#text-output').textContent()).length, prompt.length + 60);
  assert.match(await page.locator('#text-state').textContent(), /^Done: 60 characters/);
  await shot(page, 'text');

  // a long one, stopped as soon as its first character shows. The model writes 500 characters in well under a
  // second on a quiet machine, and TCP buffers hold them all, so a stop that comes late finds a finished stream;
  // hence Stop is clicked from inside the page, in the same task that shows the first character.
  const before = await cancelledStreams();
  await page.fill('#text-max', '500');
  await page.fill('#text-seed', '');
  await page.evaluate((n) => {
    const output = document.querySelector('#text-output');
    new MutationObserver((records, observer) => {
      if (output.textContent.length > n) {
        observer.disconnect();
        document.querySelector('#text-stop').click();
      }
    }).observe(output, { childList: true, characterData: true, subtree: true });
  }, prompt.length);
  await page.click('#text-start');
  await page.waitForFunction(() => document.querySelector('#text-state').dataset.state === 'stopped');
  const shown = (await page.locator('#text-output').textContent()).length - prompt.length;
  assert.ok(shown < 500, `${shown} characters shown`);
  assert.equal(await page.locator('#text-start').isEnabled(), true);
  // the generation ended on the server too: nlp-qa counts it as cancelled
  let afterCount = before;
  for (let i = 0; i < 50 && afterCount === before; i++) {
    await new Promise((r) => setTimeout(r, 200));
    afterCount = await cancelledStreams();
  }
  assert.equal(afterCount, before + 1, 'nlp-qa cancelled streams');
  await shot(page, 'text-stopped');
  await close(session, assert);
});

test('the career questionnaire gives a radar, ranked roles with salaries and sources, and a skill plan', async () => {
  const session = await open(browser, { panel: 'career' });
  const { page } = session;
  const items = page.locator('#career-items > li');
  await items.first().waitFor();
  const count = await items.count();
  assert.ok(count >= 12, `${count} items`);
  // a coherent person: one level per dimension, reverse-keyed statements answered the other way round
  const level = { error_tolerance: 5, ambiguity_tolerance: 4, stress_tolerance: 4, precision_need: 2,
    open_research: 5, people_orientation: 2 };
  const q = await (await fetch(`${BASE}/api/v1/career/questionnaires/current?lang=en`,
    { headers: { 'X-API-Key': KEYS.user } })).json();
  assert.equal(q.items.length, count);
  for (const item of q.items) {
    const answer = item.reverseKeyed ? 6 - level[item.dimension] : level[item.dimension];
    await page.locator(`#career-items > li[data-item="${item.id}"] input[value="${answer}"]`).check();
  }
  await page.fill('#career-skills', 'Python, PyTorch');
  await page.click('#career-form button[type="submit"]');
  await page.locator('#career-result').waitFor();
  const roles = page.locator('#career-ranking > li');
  assert.ok(await roles.count() >= 3);
  assert.match(await roles.first().locator('.salary').textContent(), /^Salary [\d,]+–[\d,]+ CNY\/year/);
  assert.match(await roles.first().locator('.source').textContent(), /^Source: .+/);
  assert.equal(await page.locator('#career-radar svg polygon.area').count(), 1);
  assert.equal(await page.locator('#career-radar svg text.label').count(), 6);
  assert.ok((await page.locator('#career-plan > li').count()) >= 1);
  assert.ok((await page.locator('#career-drivers').textContent()).length > 20);
  assert.equal(await page.locator('#career-reliability').textContent(), 'The consistency check passed.');
  await page.locator('#career-result').screenshot({ path: join(SHOTS, 'career.png') });
  // the top of the result, for the README (clip is in page coordinates with fullPage)
  const result = await page.locator('#career-result').evaluate((node) => {
    const r = node.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: Math.min(r.height, 820) };
  });
  await page.screenshot({ path: join(SHOTS, 'career-summary.png'), fullPage: true, clip: result });

  // the questionnaire follows the UI language and keeps the answers
  const english = await items.first().locator('div').first().textContent();
  await page.click('#lang-toggle');
  await page.waitForFunction((text) => {
    const first = document.querySelector('#career-items > li div');
    return first && first.textContent !== text;
  }, english);
  assert.match(await items.first().locator('div').first().textContent(), /[\u4e00-\u9fff]/);
  const second = q.items.find((i) => i.order === 2);
  const kept = second.reverseKeyed ? 6 - level[second.dimension] : level[second.dimension];
  assert.equal(await page.locator(`#career-items > li[data-item="${second.id}"] input[value="${kept}"]`).isChecked(), true);
  await close(session, assert);
});

test('a 429 from the rate limiter is shown with the wait time', async () => {
  const session = await open(browser, { panel: 'gan', key: KEYS.limit });
  const { page } = session;
  const error = page.locator('#gan-error');
  for (let i = 0; i < 12 && !(await error.isVisible()); i++) {
    await page.click('#gan-same-seed');
    await page.waitForTimeout(50);
  }
  await error.waitFor();
  assert.match(await error.textContent(), /^Too many requests; try again in \d+ s\./);
  await close(session, assert);
});

test('the page fits a phone screen', async () => {
  const session = await open(browser, { viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
  const { page } = session;
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px wider than the screen`);
  const canvas = await page.locator('#digit-canvas').boundingBox();
  assert.ok(canvas.width <= 390 && canvas.width >= 250, `canvas ${canvas.width}px`);
  // touch drawing works too
  const client = await page.context().newCDPSession(page);
  const touch = async (type, x, y) => client.send('Input.dispatchTouchEvent', { type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: canvas.x + x * canvas.width, y: canvas.y + y * canvas.height }] });
  await touch('touchStart', 0.5, 0.15);
  for (let i = 1; i <= 12; i++) await touch('touchMove', 0.5, 0.15 + i * 0.06);
  await touch('touchEnd');
  await page.locator('#digit-bars[data-pending="false"] li').first().waitFor();
  const first = page.locator('#digit-bars li').first();
  assert.equal(await first.getAttribute('data-digit'), '1');
  await shot(page, 'phone');
  await close(session, assert);
});
