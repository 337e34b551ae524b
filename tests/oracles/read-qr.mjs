// Reads a QR code from a PNG with libraries that share no code with the product's encoder (pngjs decodes the
// image, jsQR finds and decodes the code) and prints the text it holds. Usage: node read-qr.mjs file.png
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';

const png = PNG.sync.read(readFileSync(process.argv[2]));
const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
if (!code) {
  console.error(`no QR code found in a ${png.width}x${png.height} image`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ text: code.data, width: png.width, height: png.height, version: code.version }));
