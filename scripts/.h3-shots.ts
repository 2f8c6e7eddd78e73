import { serveDist, launchBrowser, openPage, waitForSettledGraph } from '../tests/e2e/harness';
const sizes = (process.argv[2] ?? '390x844,768x1024,1024x700,1440x900').split(',').map((s) => s.split('x').map(Number));
const states = (process.argv[3] ?? 'main,panel,filters').split(',');
const server = await serveDist();
const browser = await launchBrowser();
for (const [width, height] of sizes) {
  for (const state of states) {
    const query = state === 'panel' ? '?focus=armenia' : state === 'filtered' ? '?types=accusation,mediation&from=2020-09-01&to=2020-12-31' : '';
    const { page, consoleErrors } = await openPage(browser, `${server.url}${query}`, { width, height });
    await waitForSettledGraph(page);
    if (state === 'filters') await page.locator('#filters-toggle').click().catch(() => {});
    if (state === 'table') await page.getByRole('button', { name: 'Table', exact: true }).click();
    if (state === 'search') { await page.getByRole('combobox').fill('US'); }
    const m = await page.evaluate(() => ({ sw: document.scrollingElement!.scrollWidth, iw: innerWidth, canvas: document.querySelector('.canvas')!.getBoundingClientRect().width, ch: document.querySelector('.canvas')!.getBoundingClientRect().height }));
    const out = `/tmp/h3shots/${width}x${height}-${state}.png`;
    await page.screenshot({ path: out, fullPage: true });
    console.log(out, JSON.stringify(m), consoleErrors.join('|'));
    await page.context().close();
  }
}
await browser.close();
await server.close();
