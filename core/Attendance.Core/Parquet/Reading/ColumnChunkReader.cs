using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>
/// Reads the pages of one flat column chunk into a slice of the column's values: an optional dictionary page,
/// then data pages v1 or v2 with RLE/bit-packed definition levels and values PLAIN, dictionary-encoded, or in an
/// encoding the type's <see cref="IValueDecoder{T}"/> reads.
/// </summary>
internal static class ColumnChunkReader
{
    /// <param name="file">The whole file.</param>
    /// <param name="chunk">The chunk's footer entry.</param>
    /// <param name="dataEnd">Where the footer starts: no page may reach past it.</param>
    /// <param name="column">The column's name and whether it is REQUIRED.</param>
    /// <param name="rowGroup">The row group's index, for messages.</param>
    /// <param name="values">The row group's slice of the column; nulls are left as default.</param>
    /// <param name="present">The same slice: true where the row has a value.</param>
    public static void Read<T, TDecoder>(ReadOnlyMemory<byte> file, ColumnChunkInfo chunk, long dataEnd, ParquetColumnInfo column, int rowGroup, Span<T> values, Span<bool> present)
        where TDecoder : IValueDecoder<T>
    {
        var where = $"column '{column.Name}' of row group {rowGroup}";
        if (chunk.ExternalFilePath is not null)
        {
            throw new NotSupportedException($"The {where} is stored in another file ('{chunk.ExternalFilePath}'); the reader reads single files only.");
        }

        PageDecompressor.EnsureSupported(chunk.Codec, column.Name);
        if (chunk.Type != TDecoder.PhysicalType)
        {
            throw new InvalidDataException($"Corrupt Parquet file: the {where} is {FormatValues.PhysicalTypeName(chunk.Type)} but the schema says {column.PhysicalType}.");
        }

        if (chunk.ValueCount != values.Length)
        {
            throw new InvalidDataException($"Corrupt Parquet file: the {where} holds {chunk.ValueCount} values for {values.Length} rows.");
        }

        // Some writers record a dictionary_page_offset of 0 or one that is not before the data; the dictionary page,
        // if any, is then the first page at data_page_offset, which the loop below recognises by its type.
        var start = chunk.DictionaryPageOffset is { } dictionaryOffset && dictionaryOffset >= 4 && dictionaryOffset < chunk.DataPageOffset
            ? dictionaryOffset
            : chunk.DataPageOffset;
        if (start < 4 || chunk.TotalCompressedSize < 0 || start > dataEnd || chunk.TotalCompressedSize > dataEnd - start)
        {
            throw new InvalidDataException($"Corrupt Parquet file: the {where} claims bytes {start} to {start + chunk.TotalCompressedSize}, outside the data (4 to {dataEnd}).");
        }

        var pages = file.Slice((int)start, (int)chunk.TotalCompressedSize);
        var position = 0;
        T[]? dictionary = null;
        var done = 0;
        while (done < values.Length)
        {
            var context = $"page at byte {start + position} of {where}";
            if (position >= pages.Length)
            {
                throw new InvalidDataException($"Corrupt Parquet file: the {where} ends after {done} of {values.Length} values.");
            }

            var header = PageHeaderReader.Read(pages[position..], $"header of the {context}");
            var bodyStart = position + header.HeaderLength;
            if (header.CompressedSize > pages.Length - bodyStart)
            {
                throw new InvalidDataException($"Corrupt {context}: its {header.CompressedSize} bytes run past the end of the column chunk.");
            }

            var body = pages.Slice(bodyStart, header.CompressedSize);
            position = bodyStart + header.CompressedSize;
            if (header.Type == PageType.DictionaryPage)
            {
                dictionary = ReadDictionary<T, TDecoder>(chunk.Codec, header, body, dictionary is not null, context);
            }
            else if (header.Type is PageType.DataPage or FormatValues.DataPageV2)
            {
                if (header.ValueCount > values.Length - done)
                {
                    throw new InvalidDataException($"Corrupt {context}: {header.ValueCount} values overrun the {values.Length} rows of the row group.");
                }

                var pageValues = values.Slice(done, header.ValueCount);
                var pagePresent = present.Slice(done, header.ValueCount);
                if (header.Type == PageType.DataPage)
                {
                    ReadDataPageV1<T, TDecoder>(chunk.Codec, header, body, column.IsRequired, dictionary, pageValues, pagePresent, context);
                }
                else
                {
                    ReadDataPageV2<T, TDecoder>(chunk.Codec, header, body, column.IsRequired, dictionary, pageValues, pagePresent, context);
                }

                done += header.ValueCount;
            }

            // Index pages and page types added after this reader carry no values of a flat column: skipped.
        }
    }

    private static T[] ReadDictionary<T, TDecoder>(CompressionCodec codec, PageHeader header, ReadOnlyMemory<byte> body, bool seenBefore, string context)
        where TDecoder : IValueDecoder<T>
    {
        if (seenBefore)
        {
            throw new InvalidDataException($"Corrupt {context}: a second dictionary page in one column chunk.");
        }

        if (header.Encoding is not (ParquetEncoding.Plain or FormatValues.PlainDictionary))
        {
            throw new NotSupportedException($"The dictionary {context} is encoded {FormatValues.EncodingName(header.Encoding)}; only PLAIN dictionaries are supported.");
        }

        var bytes = PageDecompressor.Decompress(codec, body, header.UncompressedSize, context);

        // Every PLAIN value takes at least one bit, so a larger count is corrupt and must not size an allocation.
        if (header.ValueCount > bytes.Length * 8L)
        {
            throw new InvalidDataException($"Corrupt {context}: {header.ValueCount} dictionary entries cannot fit in {bytes.Length} bytes.");
        }

        var dictionary = new T[header.ValueCount];
        TDecoder.Decode(bytes.Span, dictionary, context);
        return dictionary;
    }

    private static void ReadDataPageV1<T, TDecoder>(CompressionCodec codec, PageHeader header, ReadOnlyMemory<byte> body, bool required, T[]? dictionary, Span<T> values, Span<bool> present, string context)
        where TDecoder : IValueDecoder<T>
    {
        var data = PageDecompressor.Decompress(codec, body, header.UncompressedSize, context).Span;
        var defined = values.Length;
        if (!required)
        {
            // v1 levels sit inside the compressed body, prefixed by their byte length; BIT_PACKED levels are deprecated.
            if (header.DefinitionLevelEncoding != ParquetEncoding.Rle)
            {
                throw new NotSupportedException($"The {context} encodes definition levels {FormatValues.EncodingName(header.DefinitionLevelEncoding)}; only RLE is supported.");
            }

            defined = ReadDefinitionLevels(RleBitPackedHybridDecoder.LengthPrefixed(data, "definition levels", context, out data), present, context);
        }
        else
        {
            present.Fill(true);
        }

        ReadValues<T, TDecoder>(header.Encoding, data, dictionary, values, present, defined, context);
    }

    private static void ReadDataPageV2<T, TDecoder>(CompressionCodec codec, PageHeader header, ReadOnlyMemory<byte> body, bool required, T[]? dictionary, Span<T> values, Span<bool> present, string context)
        where TDecoder : IValueDecoder<T>
    {
        // v2 keeps the levels uncompressed ahead of the values, so only the values section goes through the codec.
        var levelBytes = (long)header.RepetitionLevelsLength + header.DefinitionLevelsLength;
        if (levelBytes > body.Length || levelBytes > header.UncompressedSize)
        {
            throw new InvalidDataException($"Corrupt {context}: {levelBytes} bytes of levels do not fit in the page.");
        }

        if (header.RepetitionLevelsLength != 0)
        {
            throw new InvalidDataException($"Corrupt {context}: a flat column's page has repetition levels.");
        }

        var defined = values.Length;
        if (required)
        {
            present.Fill(true);
        }
        else
        {
            defined = ReadDefinitionLevels(body.Span[..header.DefinitionLevelsLength], present, context);
        }

        if (values.Length - defined != header.NullCount)
        {
            throw new InvalidDataException($"Corrupt {context}: the definition levels hold {values.Length - defined} nulls, the header says {header.NullCount}.");
        }

        var valuesSection = body[(int)levelBytes..];
        var valuesSize = header.UncompressedSize - (int)levelBytes;
        var data = header.IsCompressed
            ? PageDecompressor.Decompress(codec, valuesSection, valuesSize, context)
            : PageDecompressor.Decompress(CompressionCodec.Uncompressed, valuesSection, valuesSize, context);
        ReadValues<T, TDecoder>(header.Encoding, data.Span, dictionary, values, present, defined, context);
    }

    /// <summary>Reads the page's definition levels (max level 1) into <paramref name="present"/>; returns how many are 1.</summary>
    private static int ReadDefinitionLevels(ReadOnlySpan<byte> levels, Span<bool> present, string context)
    {
        var decoded = new int[present.Length];
        RleBitPackedHybridDecoder.Decode(levels, 1, decoded, $"definition levels of the {context}");
        var defined = 0;
        for (var i = 0; i < decoded.Length; i++)
        {
            if (decoded[i] > 1)
            {
                throw new InvalidDataException($"Corrupt {context}: definition level {decoded[i]} in a flat column.");
            }

            present[i] = decoded[i] == 1;
            defined += decoded[i];
        }

        return defined;
    }

    private static void ReadValues<T, TDecoder>(ParquetEncoding encoding, ReadOnlySpan<byte> data, T[]? dictionary, Span<T> values, ReadOnlySpan<bool> present, int defined, string context)
        where TDecoder : IValueDecoder<T>
    {
        // The page stores only the non-null values; they are decoded to the front of the slice, then spread out.
        var dense = values[..defined];
        if (encoding == ParquetEncoding.Plain)
        {
            TDecoder.Decode(data, dense, context);
        }
        else if (encoding is ParquetEncoding.RleDictionary or FormatValues.PlainDictionary)
        {
            if (!dense.IsEmpty)
            {
                if (data.IsEmpty)
                {
                    throw new InvalidDataException($"Corrupt {context}: no bit width for the dictionary indices.");
                }

                var entries = dictionary ?? throw new InvalidDataException($"Corrupt {context}: dictionary-encoded values but no dictionary page.");
                ReadIndices(data[1..], data[0], entries, dense, context);
            }
        }
        else if (!dense.IsEmpty)
        {
            TDecoder.DecodeEncoded(encoding, data, dense, context);
        }

        if (defined < values.Length)
        {
            Spread(values, present, defined);
        }
    }

    /// <summary>Decodes hybrid-encoded indices and looks each up in <paramref name="dictionary"/>.</summary>
    private static void ReadIndices<T>(ReadOnlySpan<byte> runs, int bitWidth, T[] dictionary, Span<T> output, string context)
    {
        var indices = new int[output.Length];
        RleBitPackedHybridDecoder.Decode(runs, bitWidth, indices, $"indices of the {context}");
        for (var i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)dictionary.Length)
            {
                throw new InvalidDataException($"Corrupt {context}: dictionary index {indices[i]} outside the {dictionary.Length} entries.");
            }

            output[i] = dictionary[indices[i]];
        }
    }

    /// <summary>Moves the <paramref name="defined"/> values at the front of <paramref name="values"/> to the rows that are present, back to front so nothing is overwritten before it moves.</summary>
    private static void Spread<T>(Span<T> values, ReadOnlySpan<bool> present, int defined)
    {
        var next = defined - 1;
        for (var i = values.Length - 1; i >= 0; i--)
        {
            values[i] = present[i] ? values[next--] : default!;
        }
    }
}
