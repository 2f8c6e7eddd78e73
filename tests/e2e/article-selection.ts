import type { Page } from 'playwright-core';

/**
 * Selects `needle` in the workbench article the way a drag does: a DOM range over its text nodes, then
 * mouseup; or, with `touch`, the way a touch screen's handles do: the range alone, no mouse or key event
 * after it.
 */
export async function selectInArticle(page: Page, needle: string, touch = false): Promise<void> {
  await page.evaluate(({ text, touch }) => {
    const article = document.querySelector('[data-testid="article"]')!;
    for (const p of article.querySelectorAll('p[data-start]')) {
      const at = (p.textContent ?? '').indexOf(text);
      if (at < 0) continue;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (seen <= at && at < seen + length) range.setStart(node, at - seen);
        if (seen < at + text.length && at + text.length <= seen + length) range.setEnd(node, at + text.length - seen);
        seen += length;
      }
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      if (!touch) p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`e2e: "${text}" is not in the article`);
  }, { text: needle, touch });
}
