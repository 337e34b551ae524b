// Apache arrow-rs (compiled to WebAssembly by parquet-wasm): values decoded by arrow-rs and read back through the
// Arrow C Data Interface in WebAssembly memory (no Arrow JS library is installed), plus arrow-rs's view of the footer.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const wasm = require('parquet-wasm/node');

// Arrow C Data Interface structs as laid out by wasm32: 4-byte pointers, 8-byte aligned int64s.
const schemaLayout = { format: 0, name: 4, children: 32, nChildren: 24 };
const arrayLayout = { length: 0, nullCount: 8, offset: 16, nBuffers: 24, nChildren: 32, buffers: 40, children: 44 };

export async function readArrowRs(bytes) {
  const file = await wasm.ParquetFile.fromFile(new Blob([bytes]));
  const metadata = file.metadata();
  const table = wasm.readParquet(bytes);
  const stream = table.intoFFI();
  const memory = () => new DataView(wasm.wasmMemory().buffer);
  const root = readSchema(memory(), stream.schemaAddr());
  const values = Object.fromEntries(root.children.map((c) => [c.name, []]));
  for (let chunk = 0; chunk < stream.numArrays(); chunk++) {
    const view = memory();
    const batch = stream.arrayAddr(chunk);
    const children = readPointers(view, view.getUint32(batch + arrayLayout.children, true), Number(view.getBigInt64(batch + arrayLayout.nChildren, true)));
    root.children.forEach((field, i) => values[field.name].push(...readArray(view, children[i], field.format)));
  }
  stream.drop();
  const fileMetadata = metadata.fileMetadata();
  return {
    numRows: fileMetadata.numRows(),
    createdBy: fileMetadata.createdBy() ?? null,
    fields: root.children.map((c) => ({ name: c.name, format: c.format })),
    rowGroups: metadata.rowGroups().map((g) => ({
      numRows: g.numRows(),
      columns: g.columns().map((c) => ({ numValues: c.numValues(), compression: c.compression(), encodings: c.encodings() })),
    })),
    values,
  };
}

function readString(view, address) {
  let end = address;
  while (view.getUint8(end) !== 0) end++;
  return new TextDecoder().decode(new Uint8Array(view.buffer, address, end - address));
}

function readPointers(view, address, count) {
  return Array.from({ length: count }, (_, i) => view.getUint32(address + 4 * i, true));
}

function readSchema(view, address) {
  const nChildren = Number(view.getBigInt64(address + schemaLayout.nChildren, true));
  return {
    format: readString(view, view.getUint32(address + schemaLayout.format, true)),
    name: readString(view, view.getUint32(address + schemaLayout.name, true)),
    children: readPointers(view, view.getUint32(address + schemaLayout.children, true), nChildren).map((c) => readSchema(view, c)),
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readArray(view, address, format) {
  const length = Number(view.getBigInt64(address + arrayLayout.length, true));
  const offset = Number(view.getBigInt64(address + arrayLayout.offset, true));
  const nBuffers = Number(view.getBigInt64(address + arrayLayout.nBuffers, true));
  const buffers = readPointers(view, view.getUint32(address + arrayLayout.buffers, true), nBuffers);
  const valid = (i) => buffers[0] === 0 || ((view.getUint8(buffers[0] + ((offset + i) >> 3)) >> ((offset + i) & 7)) & 1) === 1;
  const value = valueReader(view, format, buffers, offset);
  return Array.from({ length }, (_, i) => (valid(i) ? value(i) : null));
}

function valueReader(view, format, buffers, offset) {
  const data = buffers[1];
  switch (format) {
    case 'u':
      return (i) => {
        const start = view.getInt32(data + 4 * (offset + i), true);
        const end = view.getInt32(data + 4 * (offset + i + 1), true);
        return utf8.decode(new Uint8Array(view.buffer, buffers[2] + start, end - start));
      };
    case 'U':
      return (i) => {
        const start = Number(view.getBigInt64(data + 8 * (offset + i), true));
        const end = Number(view.getBigInt64(data + 8 * (offset + i + 1), true));
        return utf8.decode(new Uint8Array(view.buffer, buffers[2] + start, end - start));
      };
    case 'i':
    case 'tdD':
      return (i) => view.getInt32(data + 4 * (offset + i), true);
    case 'l':
      return (i) => view.getBigInt64(data + 8 * (offset + i), true).toString();
    case 'g':
      return (i) => view.getFloat64(data + 8 * (offset + i), true);
    case 'b':
      return (i) => ((view.getUint8(data + ((offset + i) >> 3)) >> ((offset + i) & 7)) & 1) === 1;
    default:
      if (format.startsWith('tsu:')) return (i) => view.getBigInt64(data + 8 * (offset + i), true).toString();
      throw new Error(`arrow-rs oracle: unsupported Arrow format '${format}'`);
  }
}
