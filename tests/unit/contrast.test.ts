import { describe, expect, it } from 'vitest';
import { contrastRatio, liftedForBackground, relativeLuminance } from '../../src/lib/core/contrast';

describe('contrast', () => {
  it('follows WCAG 2: black on white is 21:1, a colour on itself 1:1', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21);
    expect(contrastRatio('#117733', '#117733')).toBe(1);
    // WebAIM's published figure for #767676 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('leaves a colour that already stands out unchanged', () => {
    expect(liftedForBackground('#E69F00', '#121826', 4.5)).toBe('#E69F00');
  });

  it('lifts a dark colour just past the required contrast, keeping its hue', () => {
    const lifted = liftedForBackground('#117733', '#121826', 4.5);
    expect(contrastRatio(lifted, '#121826')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(lifted, '#121826')).toBeLessThan(5.5);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(lifted.slice(i, i + 2), 16));
    expect(g).toBeGreaterThan(r);
    expect(g).toBeGreaterThan(b);
  });

  it('keeps two dark colours of different hue apart', () => {
    const blockade = liftedForBackground('#882255', '#121826', 4.5);
    const demand = liftedForBackground('#994455', '#121826', 4.5);
    expect(blockade).not.toBe(demand);
    const distance = [1, 3, 5].reduce((sum, i) => sum + Math.abs(parseInt(blockade.slice(i, i + 2), 16) - parseInt(demand.slice(i, i + 2), 16)), 0);
    expect(distance).toBeGreaterThan(40);
  });

  it('names the module in its error for a colour it cannot read', () => {
    expect(() => contrastRatio('red', '#000000')).toThrow(/^contrast: "red"/);
  });
});
