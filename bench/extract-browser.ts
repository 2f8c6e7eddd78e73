/**
 * `npx tsx bench/extract-browser.ts [--a=.base/dist] [--b=dist] [--rounds=3] [--later=2]`:
 * the assistant's time in the browser as the review screen reports it
 * ("Assistant: N ms for W words"), for two builds in the same run, ABBA order,
 * each load a fresh browser, page and worker. Per load: open "Add source…", wait for
 * "Assistant ready" (the warm-up), submit a 1,000-word article (bundled sources
 * 000 + 003, trimmed), then `--later` more 1,000-word articles from the review
 * screen (sources 001 + 002 + 004), so the cold first article and the warm later
 * ones are told apart; also the time from the click to "Assistant ready". Run it on a quiet machine: other work skews both builds.
 */
import { loadavg } from 'node:os';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, serveDist, waitForSettledGraph } from '../tests/e2e/harness';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const builds = { A: resolve(arg('a', '.base/dist')), B: resolve(arg('b', 'dist')) };
const rounds = Number(arg('rounds', '3'));
const later = Number(arg('later', '2'));
const SOURCES = resolve('../shared/sources');
if (!existsSync(SOURCES)) {
  console.error(`extract-browser: ${SOURCES} is absent; this bench needs the bundled source articles beside the checkout.`);
  process.exit(1);
}

/** The named sources joined by paragraphs, cut after `words` words (whole paragraphs kept up to the cut). */
function article(prefixes: string[], words = 1000): string {
  const files = readdirSync(SOURCES).filter((f) => prefixes.some((p) => f.startsWith(p)));
  const paragraphs = files.flatMap((f) => readFileSync(join(SOURCES, f), 'utf8').split(/\n\s*\n/)).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  let left = words;
  for (const p of paragraphs) {
    if (left <= 0) break;
    const ws = p.split(/\s+/);
    out.push(ws.length <= left ? p : ws.slice(0, left).join(' '));
    left -= Math.min(ws.length, left);
  }
  return out.join('\n\n');
}

const FIRST = article(['000', '003']);
const LATER = [article(['001', '002', '004']), article(['004', '002', '001'])];

const timingLine = (page: Page) => page.getByText(/^Assistant: \d+ ms for \d+ words/);
const msOf = (line: string) => Number(/^Assistant: (\d+) ms for (\d+) words/.exec(line)![1]);

/** Sends one article; `opened` is when "Add source…" was clicked, for the time until "Assistant ready". */
async function submit(page: Page, title: string, text: string, previous: string | null, opened = Date.now()): Promise<{ line: string; readyMs: number }> {
  const dialog = page.getByRole('dialog', { name: 'Add source' });
  await dialog.waitFor();
  await dialog.getByTestId('assistant-state').getByText('Assistant ready').waitFor({ timeout: 120_000 });
  const readyMs = Date.now() - opened;
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Outlet').fill('Bench Wire');
  await dialog.getByLabel('Publication date').fill('2023-03-08');
  await dialog.getByLabel('Article text').fill(text);
  await dialog.getByRole('button', { name: 'Add and review' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 120_000 });
  await page.getByTestId('review').waitFor();
  // The line of the article just sent, not the one before it.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const line = (await timingLine(page).first().innerText({ timeout: 60_000 })).trim();
    if (line !== previous || Date.now() > deadline) return { line, readyMs };
    await page.waitForTimeout(50);
  }
}

/** A fresh browser per load: a second page in the same browser would reuse its compiled code, which a user's first visit does not have. */
async function oneLoad(url: string): Promise<{ first: number; later: number[]; line: string; readyMs: number }> {
  const browser = await launchBrowser();
  const { page, consoleErrors } = await openPage(browser, url);
  try {
    await waitForSettledGraph(page);
    const opened = Date.now();
    await page.locator('header.header').getByRole('button', { name: 'Add source…' }).click();
    const { line, readyMs } = await submit(page, 'Bench first article', FIRST, null, opened);
    const laterMs: number[] = [];
    let previous = line;
    for (let k = 0; k < later; k++) {
      await page.getByTestId('review').getByRole('button', { name: 'Add source…' }).first().click();
      previous = (await submit(page, `Bench later article ${k + 1}`, LATER[k % LATER.length], previous)).line;
      laterMs.push(msOf(previous));
    }
    if (consoleErrors.length) throw new Error(`bench: console errors: ${consoleErrors.join('; ')}`);
    return { first: msOf(line), later: laterMs, line, readyMs };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const servers = { A: await serveDist(builds.A), B: await serveDist(builds.B) };
const results: Record<'A' | 'B', { first: number[]; later: number[]; ready: number[] }> = { A: { first: [], later: [], ready: [] }, B: { first: [], later: [], ready: [] } };
console.log(`extraction in the browser: A=${builds.A} B=${builds.B}, ${rounds} ABBA rounds, ${later} later articles per load; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
try {
  for (let r = 0; r < rounds; r++) {
    for (const which of ['A', 'B', 'B', 'A'] as const) {
      const { first, later: laterMs, line, readyMs } = await oneLoad(servers[which].url);
      results[which].first.push(first);
      results[which].ready.push(readyMs);
      results[which].later.push(...laterMs);
      console.log(`${which} ready after ${readyMs} ms, first ${first} ms, later ${laterMs.join(' ')} ms  (${line})`);
    }
  }
  for (const which of ['A', 'B'] as const) {
    const { first, later: laterMs, ready } = results[which];
    console.log(
      `${which}: first article median ${median(first)} ms (${Math.min(...first)}–${Math.max(...first)}, n=${first.length}); ` +
        `later median ${median(laterMs)} ms (${Math.min(...laterMs)}–${Math.max(...laterMs)}, n=${laterMs.length}); ` +
        `"Assistant ready" after median ${median(ready)} ms (${Math.min(...ready)}–${Math.max(...ready)})`,
    );
  }
} finally {
  await servers.A.close();
  await servers.B.close();
}
