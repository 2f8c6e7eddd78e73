/**
 * End-to-end harness: serves the built app from dist/ on 127.0.0.1 and drives
 * Debian's Chromium through playwright-core. Records console errors and any
 * request that leaves the page's own origin.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

const DIST = resolve('dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** `headers` are sent with every response, e.g. a Content-Security-Policy. */
export async function serveDist(root = DIST, headers: Record<string, string> = {}): Promise<{ url: string; close(): Promise<void> }> {
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`e2e: ${root}/index.html is missing; run "npm run build" first`);
  });
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface BuiltApp {
  readonly url: string;
  readonly browser: Browser;
  /** Every page opened through `open`, for the console and network checks at the end. */
  readonly pages: readonly WatchedPage[];
  /** Opens the app with a query string in a fresh context and waits until the graph has settled. */
  open(query: string): Promise<Page>;
}

/** Serves the built app and launches Chromium once per test file, closing both after its last test. */
export function useBuiltApp(root = DIST, options: { headers?: Record<string, string> } = {}): BuiltApp {
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  let browser: Browser | undefined;
  const pages: WatchedPage[] = [];
  beforeAll(async () => {
    server = await serveDist(root, options.headers);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('e2e: the app is not served yet');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('e2e: Chromium is not running yet');
      return browser;
    },
    pages,
    async open(query) {
      const watched = await openPage(this.browser, this.url + query);
      pages.push(watched);
      await waitForSettledGraph(watched.page);
      return watched.page;
    },
  };
}

export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    const requestUrl = request.url();
    if (!requestUrl.startsWith(origin) && !requestUrl.startsWith('data:') && !requestUrl.startsWith('blob:')) foreignRequests.push(requestUrl);
  });
  await page.goto(url);
  return { page, consoleErrors, foreignRequests };
}

/** Waits until the dataset is loaded and the layout has settled, so the picture no longer moves. */
export async function waitForSettledGraph(page: Page): Promise<void> {
  await page.waitForSelector('.shell[data-status="ready"][data-layout="settled"]', { timeout: 60_000 });
}

export async function statusCounts(page: Page): Promise<{ shown: number; total: number }> {
  const text = await page.getByTestId('status').innerText();
  const match = /Showing ([\d,]+) of ([\d,]+) relations/.exec(text);
  if (!match) throw new Error(`e2e: unexpected status line "${text}"`);
  const count = (digits: string) => Number(digits.replace(/,/g, ''));
  return { shown: count(match[1]), total: count(match[2]) };
}
