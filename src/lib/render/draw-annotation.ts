/**
 * Draws an export's title, legend and caption with the 2D canvas API, in CSS
 * pixels (the caller scales the context). Geometry comes from measureAnnotation
 * so the graph can be given the space that is left.
 */
import type { ExportAnnotation } from '../core/export-caption';
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
const PAD = 20;
const ROW = 22;
const LEGEND_WIDTH = 230;
const CAPTION_LINE = 20;
const TITLE_HEIGHT = 46;

export interface AnnotationBoxes {
  title: number;
  legendWidth: number;
  caption: number;
}

export function measureAnnotation(
  annotation: Pick<ExportAnnotation, 'title'> & { captionLines: { length: number } },
  legend: boolean,
  caption: boolean,
): AnnotationBoxes {
  return {
    title: annotation.title.trim() ? TITLE_HEIGHT : 0,
    legendWidth: legend ? LEGEND_WIDTH : 0,
    caption: caption ? annotation.captionLines.length * CAPTION_LINE + PAD : 0,
  };
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

function drawTypeSwatch(ctx: CanvasRenderingContext2D, color: string, directed: boolean, x: number, y: number) {
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 4;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + (directed ? 18 : 26), y);
  ctx.stroke();
  if (directed) {
    ctx.beginPath();
    ctx.moveTo(x + 26, y);
    ctx.lineTo(x + 16, y - 6);
    ctx.lineTo(x + 16, y + 6);
    ctx.closePath();
    ctx.fill();
  }
}

/** Draws into a canvas of `width` × `height` CSS pixels whose graph area was left free by measureAnnotation. */
export function drawAnnotation(
  ctx: CanvasRenderingContext2D,
  annotation: ExportAnnotation,
  boxes: AnnotationBoxes,
  width: number,
  height: number,
  theme: AnnotationTheme,
) {
  ctx.textBaseline = 'middle';
  if (boxes.title) {
    ctx.fillStyle = theme.text;
    ctx.font = `700 22px ${FONT_FAMILY}`;
    ctx.fillText(annotation.title, PAD, boxes.title / 2 + 4, width - 2 * PAD);
  }
  if (boxes.legendWidth) {
    const left = width - boxes.legendWidth;
    const bottom = height - boxes.caption;
    if (theme.panel) (ctx.fillStyle = theme.panel), ctx.fillRect(left, boxes.title, boxes.legendWidth, bottom - boxes.title);
    ctx.fillStyle = theme.rule;
    ctx.fillRect(left, boxes.title + PAD / 2, 1, bottom - boxes.title - PAD);
    const rows = 2 + annotation.kinds.length + annotation.types.length;
    const row = Math.min(ROW, (bottom - boxes.title - 2 * PAD) / (rows + 0.8));
    const fontSize = Math.max(8, Math.min(14, row * 0.64));
    let y = boxes.title + PAD + row / 2;
    const heading = (text: string) => {
      ctx.fillStyle = theme.muted;
      ctx.font = `700 ${fontSize * 0.86}px ${FONT_FAMILY}`;
      ctx.fillText(text.toUpperCase(), left + PAD, y);
      y += row;
    };
    const label = (text: string, x: number) => {
      ctx.fillStyle = theme.text;
      ctx.font = `400 ${fontSize}px ${FONT_FAMILY}`;
      ctx.fillText(text, x, y, left + boxes.legendWidth - x - 8);
    };
    heading('Actors');
    for (const kind of annotation.kinds) {
      drawKindShape(ctx, kind.style, left + PAD + 9, y, Math.min(8, row * 0.36), theme.hollowFill, theme.dark);
      label(kind.label, left + PAD + 28);
      y += row;
    }
    y += row * 0.4;
    heading('Relations');
    for (const type of annotation.types) {
      drawTypeSwatch(ctx, theme.dark ? relationColorOnDark(type.color) : type.color, type.directed, left + PAD, y);
      label(type.label, left + PAD + 36);
      y += row;
    }
  }
  if (boxes.caption) {
    const top = height - boxes.caption;
    ctx.fillStyle = theme.rule;
    ctx.fillRect(PAD, top, width - 2 * PAD, 1);
    annotation.captionLines.forEach((line, i) => {
      ctx.fillStyle = i === 0 ? theme.text : theme.muted;
      ctx.font = `${i === 0 ? 600 : 400} 13.5px ${FONT_FAMILY}`;
      ctx.fillText(line, PAD, top + PAD / 2 + CAPTION_LINE * (i + 0.5), width - 2 * PAD);
    });
  }
}
