/**
 * The 2-D part of the browser's `DOMMatrix`, which pdfjs-dist needs as a global when it loads (it
 * makes one at module level, and uses it for rendering). Node has none; pdfjs would take the one of
 * the native `@napi-rs/canvas` package, which govreport does not ship. Reading text never renders,
 * so an affine matrix is all that is needed: [a c e; b d f; 0 0 1].
 */
type Init = ArrayLike<number> | undefined;

export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: Init) {
    if (init && init.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0]!, init[1]!, init[2]!, init[3]!, init[4]!, init[5]!];
    else if (init && init.length === 16) [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0]!, init[1]!, init[4]!, init[5]!, init[12]!, init[13]!];
  }

  get m11(): number { return this.a; }
  get m12(): number { return this.b; }
  get m21(): number { return this.c; }
  get m22(): number { return this.d; }
  get m41(): number { return this.e; }
  get m42(): number { return this.f; }
  get is2D(): boolean { return true; }
  get isIdentity(): boolean { return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0; }

  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    this.a = a; this.b = b; this.c = c; this.d = d; this.e = e; this.f = f;
    return this;
  }

  /** this = this × other. */
  multiplySelf(o: { a?: number; b?: number; c?: number; d?: number; e?: number; f?: number } = {}): this {
    const [a2, b2, c2, d2, e2, f2] = [o.a ?? 1, o.b ?? 0, o.c ?? 0, o.d ?? 1, o.e ?? 0, o.f ?? 0];
    return this.set(this.a * a2 + this.c * b2, this.b * a2 + this.d * b2, this.a * c2 + this.c * d2, this.b * c2 + this.d * d2, this.a * e2 + this.c * f2 + this.e, this.b * e2 + this.d * f2 + this.f);
  }

  /** this = other × this. */
  preMultiplySelf(o: { a?: number; b?: number; c?: number; d?: number; e?: number; f?: number } = {}): this {
    const other = new AffineMatrix([o.a ?? 1, o.b ?? 0, o.c ?? 0, o.d ?? 1, o.e ?? 0, o.f ?? 0]);
    other.multiplySelf(this);
    return this.set(other.a, other.b, other.c, other.d, other.e, other.f);
  }

  translateSelf(tx = 0, ty = 0): this { return this.multiplySelf({ e: tx, f: ty }); }
  scaleSelf(sx = 1, sy = sx): this { return this.multiplySelf({ a: sx, d: sy }); }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set(this.d / det, -this.b / det, -this.c / det, this.a / det, (this.c * this.f - this.d * this.e) / det, (this.b * this.e - this.a * this.f) / det);
  }

  multiply(o?: AffineMatrix): AffineMatrix { return this.copy().multiplySelf(o); }
  translate(tx?: number, ty?: number): AffineMatrix { return this.copy().translateSelf(tx, ty); }
  scale(sx?: number, sy?: number): AffineMatrix { return this.copy().scaleSelf(sx, sy); }
  inverse(): AffineMatrix { return this.copy().invertSelf(); }

  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }

  private copy(): AffineMatrix { return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]); }
}

/** Gives the process a `DOMMatrix` when it has none (a browser's or the canvas package's is kept). */
export function ensureDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (g.DOMMatrix === undefined) g.DOMMatrix = AffineMatrix;
}
