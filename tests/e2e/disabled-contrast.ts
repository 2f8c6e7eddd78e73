/**
 * Text contrast of disabled controls, measured in the page. axe skips disabled controls, and a
 * browser's own disabled look can fall far below 4.5:1 (Chromium draws a disabled <select> at 0.7
 * opacity), so the colours are composed here: the control's computed text colour (or its
 * placeholder's, when an empty field shows one) over its own background, over each ancestor's
 * background, with every opacity on the way applied, down to the white canvas.
 */
import type { Locator } from 'playwright-core';
import { contrastRatio } from '../../src/lib/core/contrast';

/** What carries text in a control; checkboxes, radios and file pickers carry none of their own. */
export const TEXT_CONTROLS =
  'button, select, textarea, input:not([type="checkbox"]):not([type="radio"]):not([type="file"]):not([type="hidden"]):not([type="range"])';

export interface DisabledReading {
  control: string;
  text: string;
  background: string;
  ratio: number;
}

/**
 * Every visible disabled text control inside `scope`, with its contrast. With `force`, every
 * visible text control there is disabled for the reading (the state a busy dialog puts its fields
 * in) and enabled again after it, so a control the scenario never disables is measured too.
 */
export async function disabledReadings(scope: Locator, force = false): Promise<DisabledReading[]> {
  const raw = await scope.evaluate(
    (root, { selector, force }) => {
      type Rgba = [number, number, number, number];
      const parse = (css: string): Rgba => {
        const m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(css.trim());
        if (!m) throw new Error(`disabled-contrast: cannot read the colour "${css}"`);
        return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      };
      const over = (top: Rgba, under: number[]): number[] => under.map((u, i) => top[i] * top[3] + u * (1 - top[3]));
      const mix = (a: number[], b: number[], alpha: number): number[] => a.map((x, i) => x * alpha + b[i] * (1 - alpha));
      const hex = (rgb: number[]) => `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
      const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
      const name = (el: Element) => {
        const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '';
        return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${label.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
      };

      const forced: Element[] = [];
      if (force) {
        for (const el of root.querySelectorAll(selector)) {
          if (visible(el) && !(el as HTMLButtonElement).disabled) {
            (el as HTMLButtonElement).disabled = true;
            forced.push(el);
          }
        }
      }
      const readings = [...root.querySelectorAll(selector)]
        .filter((el) => (el as HTMLButtonElement).matches(':disabled') && visible(el))
        .map((el) => {
          const chain: Element[] = [];
          for (let at: Element | null = el; at; at = at.parentElement) chain.unshift(at);
          // Paint each background over the one beneath, remembering what lay under each element for its opacity.
          let under = [255, 255, 255];
          const beneath: number[][] = [];
          for (const at of chain) {
            beneath.push(under);
            under = over(parse(getComputedStyle(at).backgroundColor), under);
          }
          const field = el as HTMLInputElement;
          const showsPlaceholder = (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && !field.value && !!field.placeholder;
          const textColour = getComputedStyle(el, showsPlaceholder ? '::placeholder' : null).color;
          let text = over(parse(textColour), under);
          let background = under;
          for (let i = chain.length - 1; i >= 0; i--) {
            const opacity = Number(getComputedStyle(chain[i]).opacity);
            text = mix(text, beneath[i], opacity);
            background = mix(background, beneath[i], opacity);
          }
          return { control: name(el) + (showsPlaceholder ? ' (placeholder)' : ''), text: hex(text), background: hex(background) };
        });
      for (const el of forced) (el as HTMLButtonElement).disabled = false;
      return readings;
    },
    { selector: TEXT_CONTROLS, force },
  );
  return raw.map((r) => ({ ...r, ratio: Math.round(contrastRatio(r.text, r.background) * 100) / 100 }));
}

/** The readings under `min`, as "control: text on background = ratio", so a failure names what to fix. */
export function belowContrast(readings: DisabledReading[], min = 4.5): string[] {
  return readings.filter((r) => r.ratio < min).map((r) => `${r.control}: ${r.text} on ${r.background} = ${r.ratio}:1`);
}
