/**
 * Keeps token colours readable on the code blocks' background. github-dark's comment grey has
 * about 3:1 on a dark background, under the WCAG AA 4.5:1 for text; such a colour is moved
 * toward white (dark theme) or black (light theme) until it reaches the ratio.
 */

export const MIN_CONTRAST = 4.5;

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(hex.trim());
  const digits = match?.[1];
  if (!digits) return undefined;
  const full =
    digits.length === 3
      ? digits
          .split('')
          .map((digit) => digit + digit)
          .join('')
      : digits;
  return [0, 2, 4].map((start) => parseInt(full.slice(start, start + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of two colours given as hex. */
export function contrastRatio(a: string, b: string): number {
  const first = parseHex(a);
  const second = parseHex(b);
  if (!first || !second) return 21;
  const [light, dark] = [luminance(first), luminance(second)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour itself when it is readable on the background, else the nearest readable one. */
export function readableOn(color: string, background: string): string {
  const rgb = parseHex(color);
  const bg = parseHex(background);
  if (!rgb || !bg || contrastRatio(color, background) >= MIN_CONTRAST) return color;
  const target: Rgb = luminance(bg) < 0.5 ? [255, 255, 255] : [0, 0, 0];
  for (let step = 1; step <= 20; step += 1) {
    const mix = step / 20;
    const candidate = toHex(rgb.map((channel, i) => channel + (target[i]! - channel) * mix) as Rgb);
    // A small margin over the threshold, so rounding in the browser cannot dip under it.
    if (contrastRatio(candidate, background) >= MIN_CONTRAST + 0.1) return candidate;
  }
  return toHex(target);
}
