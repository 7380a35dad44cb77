#!/usr/bin/env node
/**
 * Draws Atalaya's app icon — a white watchtower with a lit lookout on an
 * indigo rounded square — and writes resources/icon.png (512×512 RGBA).
 * Node built-ins only (zlib for the PNG). Deterministic: the same bytes every run.
 *
 *   node scripts/make-icon.js [output.png] [size]
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = Number(process.argv[3] ?? 512);
const OUT = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'resources', 'icon.png'));
const SAMPLES = 4; // 4×4 supersampling for smooth edges

// ---------- geometry in a 512-unit design space ----------

const INDIGO_TOP = [99, 102, 241]; // indigo-500
const INDIGO_BOTTOM = [55, 48, 163]; // indigo-800
const WHITE = [255, 255, 255];
const AMBER = [251, 191, 36]; // amber-400: the lookout's light

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
  };
}

function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

function segment(ax, ay, bx, by, width) {
  const half = width / 2;
  return (x, y) => {
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    const dx = x - (ax + t * vx);
    const dy = y - (ay + t * vy);
    return dx * dx + dy * dy <= half * half;
  };
}

const background = roundedRect(16, 16, 496, 496, 108);

/** White tower parts, painted in order; later layers win. */
const tower = [
  polygon([
    [256, 84],
    [352, 170],
    [160, 170],
  ]), // roof
  roundedRect(250, 60, 262, 92, 6), // mast
  roundedRect(180, 166, 332, 252, 6), // lookout cabin
  roundedRect(150, 248, 362, 274, 8), // platform
  polygon([
    [194, 270],
    [218, 270],
    [176, 430],
    [152, 430],
  ]), // left leg
  polygon([
    [294, 270],
    [318, 270],
    [360, 430],
    [336, 430],
  ]), // right leg
  segment(204, 300, 330, 392, 12), // braces
  segment(308, 300, 182, 392, 12),
  segment(192, 316, 320, 316, 10),
  roundedRect(112, 426, 400, 446, 10), // ground
];
const lookout = roundedRect(202, 186, 310, 234, 10);

// ---------- raster ----------

function colorAt(x, y) {
  if (!background(x, y)) return null;
  if (lookout(x, y)) return AMBER;
  if (tower.some((shape) => shape(x, y))) return WHITE;
  const t = (y - 16) / 480;
  return INDIGO_TOP.map((c, i) => Math.round(c + (INDIGO_BOTTOM[i] - c) * t));
}

function render(size) {
  const scale = 512 / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colorAt((px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        pixels[o] = Math.round(r / covered);
        pixels[o + 1] = Math.round(g / covered);
        pixels[o + 2] = Math.round(b / covered);
        pixels[o + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
      }
    }
  }
  return pixels;
}

// ---------- PNG ----------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, encodePng(SIZE, render(SIZE)));
  console.log(`Wrote ${path.relative(process.cwd(), OUT)} (${SIZE}×${SIZE}).`);
}

module.exports = { encodePng, render };
