/**
 * Label text with its halo, drawn once into a small canvas and then copied
 * wherever the label goes. Stroking the halo (strokeText) is path work the
 * browser does not cache, unlike filled glyphs: a screen of haloed labels
 * cost about 5 ms a frame, on every frame, since sigma clears its label
 * canvas each render. A copy of the finished bitmap costs a blit. The copy
 * lands on whole device pixels so the text stays as crisp as drawn text, and
 * the hover layer copies the same bitmap to the same spot, so a selected name
 * still falls pixel for pixel on its label.
 */

/** Room around the text for the halo (3 px wide, centred on the glyph edge) and antialiasing. */
const PAD = 3;
/** Sprites kept before the cache starts over: a few screens' worth of names, a few MB. */
const MAX_SPRITES = 800;

interface Sprite {
  canvas: HTMLCanvasElement;
  /** Device pixels per CSS pixel it was drawn at. */
  ratio: number;
}

export class LabelSprites {
  private readonly sprites = new Map<string, Sprite>();
  private ratio = 0;

  constructor(private readonly haloColor: string) {}

  /**
   * Draws `text` with its baseline's left end at (x, y) in CSS pixels, in `font` (`fontSize` px) and
   * `color`, on `context` whose transform scales CSS to device pixels.
   */
  draw(context: CanvasRenderingContext2D, text: string, x: number, y: number, font: string, fontSize: number, color: string, width: number): void {
    // Without a document to draw sprites in (a worker, a test's fake context), the text is drawn directly.
    if (typeof document === 'undefined' || typeof context.getTransform !== 'function') return this.paint(context, text, x, y, font, color);
    const ratio = context.getTransform().a || 1;
    if (ratio !== this.ratio || this.sprites.size > MAX_SPRITES) {
      this.sprites.clear();
      this.ratio = ratio;
    }
    const key = `${font}\n${color}\n${text}`;
    let sprite = this.sprites.get(key);
    if (!sprite) this.sprites.set(key, (sprite = this.render(text, font, fontSize, color, width, ratio)));
    const left = Math.round((x - PAD) * ratio) / ratio;
    const top = Math.round((y - fontSize - PAD) * ratio) / ratio;
    context.drawImage(sprite.canvas, left, top, sprite.canvas.width / ratio, sprite.canvas.height / ratio);
  }

  private render(text: string, font: string, fontSize: number, color: string, width: number, ratio: number): Sprite {
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil((width + 2 * PAD) * ratio);
    // Below the baseline: descenders, about a third of the size.
    canvas.height = Math.ceil((fontSize * 1.4 + 2 * PAD) * ratio);
    const context = canvas.getContext('2d');
    if (!context) return { canvas, ratio };
    context.scale(ratio, ratio);
    this.paint(context, text, PAD, PAD + fontSize, font, color);
    return { canvas, ratio };
  }

  private paint(context: CanvasRenderingContext2D, text: string, x: number, y: number, font: string, color: string): void {
    context.font = font;
    // A halo in the background colour keeps text legible where it crosses an edge.
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = this.haloColor;
    context.strokeText(text, x, y);
    context.fillStyle = color;
    context.fillText(text, x, y);
  }
}
