/** `npx tsx scripts/screenshot.ts [query] [out.png]`: a screenshot of the built app, for looking at the UI. */
import { serveDist, launchBrowser, openPage, waitForSettledGraph } from '../tests/e2e/harness';

const query = process.argv[2] ?? '';
const out = process.argv[3] ?? '/tmp/entente.png';
const server = await serveDist();
const browser = await launchBrowser();
const { page, consoleErrors } = await openPage(browser, `${server.url}${query}`);
await waitForSettledGraph(page);
for (const click of process.argv.slice(4)) await page.locator(click).first().click();
await page.screenshot({ path: out });
console.log(`saved ${out}; console errors: ${consoleErrors.length ? consoleErrors.join(' | ') : 'none'}`);
await browser.close();
await server.close();
