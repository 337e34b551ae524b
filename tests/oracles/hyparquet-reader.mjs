// hyparquet, a pure JavaScript reader: values and the raw footer (statistics decoded with the same canonical parsers).
import { gunzipSync } from 'node:zlib';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { deserializeTCompactProtocol } from 'hyparquet/src/thrift.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const parsers = {
  timestampFromMicroseconds: (micros) => micros.toString(),
  timestampFromMilliseconds: (millis) => (millis * 1000n).toString(),
  dateFromDays: (days) => days,
  stringFromBytes: (bytes) => (bytes === undefined ? undefined : decoder.decode(bytes)),
};

// hyparquet decodes Snappy itself but leaves GZIP to the caller; Node's zlib is independent of the writer.
const compressors = { GZIP: (input) => new Uint8Array(gunzipSync(input)) };

export async function readHyparquet(bytes) {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const metadata = parquetMetadata(file, { parsers });
  const leaves = metadata.schema.slice(1);
  const rows = await parquetReadObjects({ file, metadata, parsers, compressors });
  return {
    numRows: metadata.num_rows,
    createdBy: metadata.created_by,
    schema: leaves.map((s) => ({
      name: s.name, type: s.type, repetitionType: s.repetition_type, convertedType: s.converted_type, logicalType: s.logical_type,
    })),
    ...rawFooter(file),
    rowGroups: metadata.row_groups.map((g) => ({
      numRows: g.num_rows,
      fileOffset: g.file_offset,
      columns: g.columns.map((c) => ({
        fileOffset: c.file_offset,
        numValues: c.meta_data.num_values,
        encodings: c.meta_data.encodings,
        codec: c.meta_data.codec,
        dataPageOffset: c.meta_data.data_page_offset,
        dictionaryPageOffset: c.meta_data.dictionary_page_offset,
        statistics: c.meta_data.statistics,
        encodingStats: c.meta_data.encoding_stats,
        pages: pages(file, c.meta_data),
      })),
    })),
    values: Object.fromEntries(leaves.map((s) => [s.name, rows.map((r) => canonical(r[s.name]))])),
  };
}

function canonical(value) {
  return value === undefined ? null : value;
}

// hyparquet's metadata leaves out column_orders, so the footer is also decoded field by field with its Thrift reader.
function rawFooter(file) {
  const view = new DataView(file);
  const length = view.getUint32(view.byteLength - 8, true);
  const raw = deserializeTCompactProtocol({ view, offset: view.byteLength - 8 - length });
  const statistics = (raw.field_4 ?? []).flatMap((g) => g.field_1.map((c) => c.field_3.field_12 ?? {}));
  return {
    columnOrders: (raw.field_7 ?? []).map((order) => (order.field_1 !== undefined ? 'TYPE_DEFINED_ORDER' : 'UNKNOWN')),
    deprecatedMinMaxWritten: statistics.some((s) => s.field_1 !== undefined || s.field_2 !== undefined),
  };
}

function decodeBound(bytes, type) {
  if (bytes === undefined) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'INT64') return view.getBigInt64(0, true).toString();
  if (type === 'INT32') return view.getInt32(0, true);
  if (type === 'BYTE_ARRAY') return new TextDecoder().decode(bytes);
  return null;
}

// Every page of a column chunk as its header says (hyparquet's metadata does not list pages): type, encoding and
// value count. Power BI's readers want v1 data pages, so DATA_PAGE_V2 must never appear.
const pageTypeNames = ['DATA_PAGE', 'INDEX_PAGE', 'DICTIONARY_PAGE', 'DATA_PAGE_V2'];
const encodingNames = ['PLAIN', 'GROUP_VAR_INT', 'PLAIN_DICTIONARY', 'RLE', 'BIT_PACKED', 'DELTA_BINARY_PACKED',
  'DELTA_LENGTH_BYTE_ARRAY', 'DELTA_BYTE_ARRAY', 'RLE_DICTIONARY', 'BYTE_STREAM_SPLIT'];
function pages(file, meta) {
  const view = new DataView(file);
  // Some writers (Parquet.Net among them) leave dictionary_page_offset unset and start the chunk at data_page_offset.
  const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
  const end = start + Number(meta.total_compressed_size);
  const reader = { view, offset: start };
  const result = [];
  while (reader.offset < end) {
    const header = deserializeTCompactProtocol(reader);
    const body = header.field_5 ?? header.field_7 ?? header.field_8 ?? {};
    // A data page header's own statistics (DataPageHeader.statistics): min_value and max_value, decoded by physical type.
    const statistics = header.field_5?.field_5;
    result.push({
      type: pageTypeNames[header.field_1] ?? `UNKNOWN(${header.field_1})`, encoding: encodingNames[body.field_2] ?? null, numValues: body.field_1,
      min: decodeBound(statistics?.field_6, meta.type), max: decodeBound(statistics?.field_5, meta.type),
    });
    reader.offset += header.field_3;
  }
  if (reader.offset !== end) throw new Error(`pages of ${meta.path_in_schema} end at ${reader.offset}, the chunk at ${end}`);
  return result;
}
