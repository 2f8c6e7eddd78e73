import { serveDist, launchBrowser, openPage, waitForSettledGraph } from '../tests/e2e/harness';
const server = await serveDist(process.argv[2]);
const browser = await launchBrowser();
for (const w of [1200, 1300, 1440]) {
  const { page } = await openPage(browser, server.url, { width: w, height: 800 });
  await waitForSettledGraph(page);
  await page.evaluate('window.__name = (f) => f');
  console.log(w, await page.evaluate(() => [...document.querySelector('header.header')!.children].map((c) => `${c.className.split(' ')[0]}:${Math.round(c.getBoundingClientRect().width)}`).join(' ') + ' actions: ' + [...document.querySelector('#header-actions')!.children].map((c) => Math.round(c.getBoundingClientRect().width)).join(',') + ' input:' + document.querySelector('#actor-search')!.clientWidth + ' scroll:' + document.querySelector('header.header')!.scrollWidth));
  await page.context().close();
}
await browser.close(); await server.close();
