/**
 * Picks black or white text for an accent colour a partner chooses, whichever has the higher
 * WCAG contrast, so any brand colour stays readable.
 */

/** Relative luminance of an sRGB colour with channels 0-255 (WCAG 2.2 definition). */
export function relativeLuminance(red: number, green: number, blue: number): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
}

/** WCAG contrast ratio between two luminances. */
export function contrastRatio(a: number, b: number): number {
  const [light, dark] = a > b ? [a, b] : [b, a];
  return (light + 0.05) / (dark + 0.05);
}

/** Parses `#rgb`, `#rrggbb` and `rgb(r, g, b)`; other forms go through the browser. */
export function parseColor(color: string): [number, number, number] | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex?.[1]) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  if (typeof document === 'undefined') return undefined;
  // Named colours, hsl(), etc.: a canvas normalises any CSS colour to #rrggbb, without
  // touching the host page's DOM.
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  context.fillStyle = '#010203';
  context.fillStyle = color;
  const normalized = String(context.fillStyle);
  return normalized === '#010203' || !normalized.startsWith('#') ? undefined : parseColor(normalized);
}

/** `#000000` or `#ffffff`, whichever reads better on the colour. */
export function readableTextColor(background: string): string {
  const rgb = parseColor(background);
  if (!rgb) return '#ffffff';
  const luminance = relativeLuminance(...rgb);
  return contrastRatio(luminance, 0) >= contrastRatio(luminance, 1) ? '#000000' : '#ffffff';
}
