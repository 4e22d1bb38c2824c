// The app's icons, drawn at build time as PNG files (no image tool, no
// download): three bars of the page's accent colours on a square, the
// bookings, billings and backlog of the name. Emitted into the build as
// icons/icon-SIZE.png for the web app manifest (offline/offline_app.js).
import { deflateSync } from 'node:zlib';

/** The sizes the manifest names: 192 and 512 are what browsers ask of an installable app. */
export const ICON_SIZES = [192, 512];

const BACKGROUND = [0x1f, 0x4e, 0x9a];
const BARS = [[0x9c, 0xc3, 0xff], [0xff, 0xff, 0xff], [0xff, 0xc8, 0x57]];
/** Each bar's left edge, width and height as shares of the icon; kept inside the maskable safe zone (the middle 80%). */
const BAR_BOXES = [[0.22, 0.16, 0.34], [0.42, 0.16, 0.5], [0.62, 0.16, 0.22]];
const BASELINE = 0.74;

/** CRC-32 of a PNG chunk (ISO 3309). */
function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** The colour of pixel (x, y) of an icon of `size`. */
function pixel(x, y, size) {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  for (let i = 0; i < BAR_BOXES.length; i++) {
    const [left, width, height] = BAR_BOXES[i];
    if (u >= left && u < left + width && v < BASELINE && v >= BASELINE - height) return BARS[i];
  }
  return BACKGROUND;
}

/**
 * A square RGB PNG icon.
 * @param {number} size pixels a side
 * @returns {Buffer}
 */
export function iconPng(size) {
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);   // filter byte 0: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x, y, size);
      rows[row + 1 + x * 3] = r;
      rows[row + 2 + x * 3] = g;
      rows[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;    // bits per channel
  header[9] = 2;    // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Vite plugin: the icons, emitted into the build. */
export function appIcons() {
  return {
    name: 'bbb-app-icons',
    apply: /** @type {'build'} */ ('build'),
    generateBundle() {
      for (const size of ICON_SIZES) this.emitFile({ type: 'asset', fileName: `icons/icon-${size}.png`, source: iconPng(size) });
    },
  };
}
