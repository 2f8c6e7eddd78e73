/**
 * How far apart two colours look, for people with typical colour vision and
 * for the commonest colour-vision deficiencies. Used to keep the relation-type
 * palette legible: the test of graph-data/relation-types.csv checks every pair.
 *
 * Deficiencies are simulated with the matrices of Machado, Oliveira and
 * Fernandes (2009), "A Physiologically-based Model for Simulation of Color
 * Vision Deficiency", IEEE TVCG 15(6), severity 1.0, applied to linear RGB.
 * Distances are CIE76 ΔE*ab in CIELAB (D65).
 */

export type Vision = 'normal' | 'deuteranopia' | 'protanopia' | 'tritanopia';

type Matrix = readonly [readonly number[], readonly number[], readonly number[]];

const MACHADO_2009: Record<Exclude<Vision, 'normal'>, Matrix> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const HEX_COLOR = /^#([0-9a-f]{6})$/i;

function linearRgb(hex: string): [number, number, number] {
  const match = HEX_COLOR.exec(hex);
  if (!match) throw new Error(`colour-vision: "${hex}" is not a #rrggbb colour`);
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Linear RGB of `hex` as seen with `vision`. */
export function simulatedLinearRgb(hex: string, vision: Vision): [number, number, number] {
  const rgb = linearRgb(hex);
  if (vision === 'normal') return rgb;
  const m = MACHADO_2009[vision];
  return m.map((row) => clamp01(row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])) as [number, number, number];
}

/** CIELAB (D65) of a linear RGB colour. */
export function labOfLinear([r, g, b]: readonly number[]): [number, number, number] {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 colour difference between two colours as seen with `vision`. */
export function colourDistance(a: string, b: string, vision: Vision = 'normal'): number {
  const [l1, a1, b1] = labOfLinear(simulatedLinearRgb(a, vision));
  const [l2, a2, b2] = labOfLinear(simulatedLinearRgb(b, vision));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
