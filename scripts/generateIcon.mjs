// Draws the extension's marketplace icon (images/icon.png, 128x128) without any image library: three
// stacked stages of a multi-stage build, the lower ones fed by the one above, on a rounded tile.
// The PNG is committed; run this only to change the design: node scripts/generateIcon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
/** Samples per pixel along each axis, so that the edges of the shapes are smoothed. */
const supersample = 4;

const background = [24, 54, 92];
const stageColors = [
  [38, 166, 221],
  [92, 196, 140],
  [245, 190, 70],
];

/** The colour at a point in icon coordinates (0..128), with alpha, or undefined outside the tile. */
function colorAt(x, y) {
  if (!insideRoundedRect(x, y, 4, 4, 124, 124, 22)) {
    return undefined;
  }
  const bars = [
    { top: 22, left: 22, right: 106 },
    { top: 54, left: 34, right: 106 },
    { top: 86, left: 46, right: 106 },
  ];
  for (const [index, bar] of bars.entries()) {
    if (insideRoundedRect(x, y, bar.left, bar.top, bar.right, bar.top + 20, 6)) {
      return stageColors[index];
    }
  }
  // The links from each stage to the next: short vertical connectors at the left edge of the lower bar.
  for (const [index, bar] of bars.slice(1).entries()) {
    const above = bars[index];
    if (x >= bar.left + 4 && x <= bar.left + 10 && y >= above.top + 20 && y <= bar.top) {
      return [225, 232, 240];
    }
  }
  return background;
}

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) {
    return false;
  }
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function renderRgba() {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, covered] = [0, 0, 0, 0];
      for (let sy = 0; sy < supersample; sy++) {
        for (let sx = 0; sx < supersample; sx++) {
          const color = colorAt(px + (sx + 0.5) / supersample, py + (sy + 0.5) / supersample);
          if (color !== undefined) {
            r += color[0];
            g += color[1];
            b += color[2];
            covered++;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
        pixels[offset + 3] = Math.round((255 * covered) / supersample ** 2);
      }
    }
  }
  return pixels;
}

function encodePng(rgba) {
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const output = new URL('../images/icon.png', import.meta.url);
writeFileSync(output, encodePng(renderRgba()));
console.log(`Wrote ${output.pathname}`);
