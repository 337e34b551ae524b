// hyparquet, a pure JavaScript reader: values and the raw footer (statistics decoded with the same canonical parsers).
import { parquetMetadata, parquetReadObjects } from 'hyparquet';

const decoder = new TextDecoder('utf-8', { fatal: true });
const parsers = {
  timestampFromMicroseconds: (micros) => micros.toString(),
  timestampFromMilliseconds: (millis) => (millis * 1000n).toString(),
  dateFromDays: (days) => days,
  stringFromBytes: (bytes) => (bytes === undefined ? undefined : decoder.decode(bytes)),
};

export async function readHyparquet(bytes) {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const metadata = parquetMetadata(file, { parsers });
  const leaves = metadata.schema.slice(1);
  const rows = await parquetReadObjects({ file, metadata, parsers });
  return {
    numRows: metadata.num_rows,
    createdBy: metadata.created_by,
    schema: leaves.map((s) => ({
      name: s.name, type: s.type, repetitionType: s.repetition_type, convertedType: s.converted_type, logicalType: s.logical_type,
    })),
    columnOrders: metadata.column_orders,
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
      })),
    })),
    values: Object.fromEntries(leaves.map((s) => [s.name, rows.map((r) => canonical(r[s.name]))])),
  };
}

function canonical(value) {
  return value === undefined ? null : value;
}
