/**
 * Draws an export's title, legend and caption with the 2D canvas API, in the
 * layout units of core/export-layout.ts (the caller scales the context), which
 * also gives the graph the space that is left.
 */
import type { ExportAnnotation } from '../core/export-caption';
import { LAYOUT, type ExportLayout, type LegendEntry, type TextMeasure } from '../core/export-layout';
import type { KindStyle } from '../core/kind-styles';
import { relationColorOnDark } from './styles';

export interface AnnotationTheme {
  dark: boolean;
  text: string;
  muted: string;
  panel: string | null;
  rule: string;
  hollowFill: string;
}

const FONT_FAMILY = 'system-ui, "DejaVu Sans", sans-serif';
const font = (size: number, weight: number) => `${weight} ${size}px ${FONT_FAMILY}`;

/** Text widths from a 2D canvas, in the units of the font sizes given. */
export function canvasTextMeasure(): TextMeasure {
  const ctx = document.createElement('canvas').getContext('2d')!;
  return (text, { size, weight }) => {
    ctx.font = font(size, weight);
    return ctx.measureText(text).width;
  };
}

/** The legend's rows: actor kinds, then relation types, each under its heading; nothing for an empty group. */
export function legendEntries(annotation: Pick<ExportAnnotation, 'kinds' | 'types'>): LegendEntry[] {
  return [
    ...(annotation.kinds.length ? [{ kind: 'heading' as const, label: 'Actors' }] : []),
    ...annotation.kinds.map((k) => ({ kind: 'actor' as const, label: k.label })),
    ...(annotation.types.length ? [{ kind: 'heading' as const, label: 'Relations' }] : []),
    ...annotation.types.map((t) => ({ kind: 'type' as const, label: t.label })),
  ];
}

function drawKindShape(ctx: CanvasRenderingContext2D, style: KindStyle, x: number, y: number, r: number, hollow: string, dark: boolean) {
  const color = dark ? style.darkColor : style.color;
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  const circle = (radius: number) => {
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, Math.PI * 2);
  };
  if (style.program === 'square') return ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
  if (style.program === 'circle') return circle(r * 0.75), ctx.fill();
  ctx.lineWidth = style.program === 'ring' ? r * 0.55 : r * 0.35;
  circle(r - ctx.lineWidth / 2);
  ctx.fillStyle = hollow;
  ctx.fill();
  ctx.stroke();
  if (style.program === 'target') (ctx.fillStyle = color), circle(r * 0.42), ctx.fill();
  if (style.program === 'double') circle(r * 0.4), ctx.stroke();
}

/** A line of the relation's colour, 26 × 4 units at full size, ending in a head for a directed type. */
function drawTypeSwatch(ctx: CanvasRenderingContext2D, color: string, directed: boolean, x: number, y: number, k: number) {
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 4 * k;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + (directed ? 18 : 26) * k, y);
  ctx.stroke();
  if (directed) {
    ctx.beginPath();
    ctx.moveTo(x + 26 * k, y);
    ctx.lineTo(x + 16 * k, y - 6 * k);
    ctx.lineTo(x + 16 * k, y + 6 * k);
    ctx.closePath();
    ctx.fill();
  }
}

/** Draws title, legend and caption where `layout` puts them; the context is scaled to layout units. */
export function drawAnnotation(ctx: CanvasRenderingContext2D, annotation: ExportAnnotation, layout: ExportLayout, theme: AnnotationTheme) {
  ctx.textBaseline = 'middle';
  const { pad } = LAYOUT;
  const { title, legend, caption } = layout;
  if (title.lines.length) {
    ctx.fillStyle = theme.text;
    ctx.font = font(title.fontSize, 700);
    title.lines.forEach((line, i) => ctx.fillText(line, pad, title.top + 12 + title.lineHeight * (i + 0.5)));
  }
  if (legend) {
    if (theme.panel) (ctx.fillStyle = theme.panel), ctx.fillRect(legend.x, legend.y, legend.width, legend.height);
    ctx.fillStyle = theme.rule;
    ctx.fillRect(legend.x, legend.y + pad / 2, 1, legend.height - pad);
    let kind = 0;
    let type = 0;
    for (const entry of legend.entries) {
      if (entry.kind === 'heading') {
        ctx.fillStyle = theme.muted;
        ctx.font = font(legend.fontSize * 0.86, 700);
        ctx.fillText(entry.label.toUpperCase(), entry.x, entry.y);
        continue;
      }
      if (entry.kind === 'actor') drawKindShape(ctx, annotation.kinds[kind++].style, entry.x + 9, entry.y, Math.min(8, legend.row * 0.36), theme.hollowFill, theme.dark);
      else {
        const swatch = annotation.types[type++];
        drawTypeSwatch(ctx, theme.dark ? relationColorOnDark(swatch.color) : swatch.color, swatch.directed, entry.x, entry.y, legend.swatch);
      }
      ctx.fillStyle = theme.text;
      ctx.font = font(legend.fontSize, 400);
      ctx.fillText(entry.label, entry.x + (entry.kind === 'actor' ? 28 : LAYOUT.swatch), entry.y);
    }
  }
  if (caption) {
    ctx.fillStyle = theme.rule;
    ctx.fillRect(pad, caption.top, layout.width - 2 * pad, 1);
    caption.lines.forEach((line, i) => {
      ctx.fillStyle = line.strong ? theme.text : theme.muted;
      ctx.font = font(caption.fontSize, line.strong ? 600 : 400);
      ctx.fillText(line.text, pad, caption.top + pad / 2 + caption.lineHeight * (i + 0.5));
    });
  }
}
