/**
 * Draws the web app manifest's PNG icons (public/icons/) from the shape of public/favicon.svg: a red
 * rounded square with a white ×. Run once when the icon changes; the PNGs are committed.
 * `purpose: any` icons keep the rounded corners; the maskable one fills the square and keeps the ×
 * inside the central safe zone (80 %).
 *
 * Usage: node scripts/offline/icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = join(import.meta.dirname, '..', '..', 'public', 'icons');
const RED = [0xa4, 0x16, 0x1a];

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

/** Distance from p to the segment a–b. */
function segment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The favicon's drawing in its 32-unit box: background coverage and × coverage at a point. */
function draw(size: number, maskable: boolean): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const S = 4; // supersampling per axis
  // Maskable: the × shrinks to the safe zone around the centre; the background fills the square.
  const scale = maskable ? 0.8 : 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = ((x + (sx + 0.5) / S) / size) * 32;
          const v = ((y + (sy + 0.5) / S) / size) * 32;
          // rounded square, radius 6
          const cx = Math.max(6, Math.min(26, u));
          const cy = Math.max(6, Math.min(26, v));
          const inside = maskable || Math.hypot(u - cx, v - cy) <= 6;
          if (!inside) continue;
          bg++;
          const mu = 16 + (u - 16) / scale;
          const mv = 16 + (v - 16) / scale;
          if (segment(mu, mv, 10, 9, 22, 23) <= 2 || segment(mu, mv, 22, 9, 10, 23) <= 2) fg++;
        }
      }
      const i = (y * size + x) * 4;
      const a = bg / (S * S);
      const f = bg ? fg / bg : 0;
      out[i] = Math.round(RED[0]! + (255 - RED[0]!) * f);
      out[i + 1] = Math.round(RED[1]! + (255 - RED[1]!) * f);
      out[i + 2] = Math.round(RED[2]! + (255 - RED[2]!) * f);
      out[i + 3] = Math.round(255 * a);
    }
  }
  return out;
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const) {
  writeFileSync(join(OUT, name), png(size, draw(size, maskable)));
  console.log(`public/icons/${name}`);
}
