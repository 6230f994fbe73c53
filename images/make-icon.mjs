// Draws the Plain Words icon (images/icon.png, 128x128 PNG) from shapes, with no image library:
// a blue rounded square, a white speech bubble holding three lines of "text", and a green tick.
//   node images/make-icon.mjs [out.png] [size]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const out = process.argv[2] ?? new URL('./icon.png', import.meta.url).pathname;
const SIZE = Number(process.argv[3] ?? 128);
const S = SIZE / 128; // shapes are designed on a 128 grid
const SS = 4; // supersampling per axis

const BLUE = [0, 94, 184];
const DARK = [0, 48, 135];
const WHITE = [255, 255, 255];
const GREEN = [0, 150, 57];

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const triangle = (a, b, c) => (x, y) => {
  const s = (p, q) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = s(a, b), d2 = s(b, c), d3 = s(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return (x - ax - t * vx) ** 2 + (y - ay - t * vy) ** 2 <= (w / 2) ** 2;
};

// Layers, painted in order (later on top).
const layers = [
  [roundRect(0, 0, 128, 128, 26), BLUE],
  [roundRect(16, 20, 104, 86, 14), WHITE],
  [triangle([30, 80], [52, 80], [24, 106]), WHITE],
  [roundRect(30, 34, 90, 42, 4), DARK],
  [roundRect(30, 49, 78, 57, 4), DARK],
  [roundRect(30, 64, 64, 72, 4), DARK],
  [circle(96, 92, 24), WHITE],
  [circle(96, 92, 20), GREEN],
  [segment(85, 93, 93, 101, 7), WHITE],
  [segment(93, 101, 107, 84, 7), WHITE],
];

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = (px + (sx + 0.5) / SS) / S, y = (py + (sy + 0.5) / SS) / S;
        let colour;
        for (const [inside, c] of layers) if (inside(x, y)) colour = c;
        if (colour) { r += colour[0]; g += colour[1]; b += colour[2]; a += 1; }
      }
    }
    const i = (py * SIZE + px) * 4;
    const n = SS * SS;
    rgba[i] = a ? Math.round(r / a) : 0;
    rgba[i + 1] = a ? Math.round(g / a) : 0;
    rgba[i + 2] = a ? Math.round(b / a) : 0;
    rgba[i + 3] = Math.round((a / n) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(out, png);
console.log(`${out}: ${SIZE}x${SIZE}, ${png.length} bytes`);
