// Shared set-up for the browser tests: Debian's chromium through playwright-core, one fresh context per test,
// every CSP violation and page error collected so a test can assert there were none.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = process.env.E2E_BASE_URL || 'http://127.0.0.1:28080';
export const KEYS = {
  user: process.env.E2E_USER_KEY || '',
  admin: process.env.E2E_ADMIN_KEY || '',
  limit: process.env.E2E_LIMIT_KEY || '',
};
export const NLP_QA = process.env.E2E_NLP_QA_URL || 'http://127.0.0.1:28083';
export const SHOTS = fileURLToPath(new URL('../target/screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/**
 * A new page on the playground. options: locale ('en-US' | 'zh-CN'), key (entered into the key field),
 * panel (the hash), viewport, hasTouch.
 */
export async function open(browser, { locale = 'en-US', key = KEYS.user, panel = 'digits', viewport, hasTouch = false } = {}) {
  const context = await browser.newContext({ locale, viewport: viewport || { width: 1100, height: 900 },
    deviceScaleFactor: 1, hasTouch });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push('console: ' + m.text()); });
  // Playwright's init scripts run outside the page's CSP; this one only listens
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  // every request must stay on the gateway's origin
  const origin = new URL(BASE).origin;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) problems.push('third-party request: ' + r.url());
  });
  const response = await page.goto(`${BASE}/#${panel}`);
  await page.waitForSelector('body[data-ready="true"]');
  if (key) {
    await page.fill('#api-key', key);
  }
  return { page, context, response, problems };
}

/** Asserts nothing went wrong on the page, then closes it. */
export async function close({ page, context, problems }, assert) {
  const csp = await page.evaluate(() => window.__csp);
  assert.deepEqual(csp, [], 'CSP violations');
  assert.deepEqual(problems, [], 'page problems');
  await context.close();
}

export async function shot(page, name, options = {}) {
  await page.screenshot({ path: join(SHOTS, name + '.png'), fullPage: options.fullPage ?? true });
}
