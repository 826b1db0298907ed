using BedrockTrail.Lake.Schema;

namespace BedrockTrail.Normalise.LakeWriting.Parquet;

/// <summary>
/// Writes the FileMetaData footer of a flat file in Thrift compact, matching the schema Parquet.Net writes for the same
/// table (root named "root", every column OPTIONAL, strings UTF8/String, integers INT_32/INT_64 signed, timestamps
/// INT96) so DuckDB and Parquet.Net read old and new files alike. Statistics carry the null count only: min/max would
/// cost a comparison per value and nothing in the lake's queries prunes on them (files are already split by date).
/// See https://github.com/apache/parquet-format/blob/master/src/main/thrift/parquet.thrift.
/// </summary>
internal static class FlatParquetFooter
{
    public const string CreatedBy = "BedrockTrail flat Parquet writer";

    private const int Optional = 1;
    private const int Plain = 0;
    private const int Rle = 3;
    private const int Zstd = 6;
    private const int ConvertedUtf8 = 0;
    private const int ConvertedInt32 = 17;
    private const int ConvertedInt64 = 18;

    /// <summary>The Parquet physical type a scalar lake column is written as.</summary>
    public static int PhysicalType(LakeType type) => type switch
    {
        LakeType.Flag => 0,
        LakeType.Number32 => 1,
        LakeType.Number64 => 2,
        LakeType.Timestamp => 3,
        LakeType.Text => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a flat scalar column"),
    };

    /// <param name="columns">The table's columns.</param>
    /// <param name="rowGroups">Rows per row group, in file order.</param>
    /// <param name="chunks">Column chunks, row group by row group, each in column order.</param>
    public static void Write<TRow>(
        GrowableByteBuffer output,
        IReadOnlyList<LakeColumn<TRow>> columns,
        IReadOnlyList<int> rowGroups,
        IReadOnlyList<ColumnChunkInfo> chunks)
    {
        var thrift = new ThriftCompactWriter(output);
        thrift.BeginStruct();
        thrift.FieldI32(1, 1);
        WriteSchema(thrift, columns);
        long rows = 0;
        for (var g = 0; g < rowGroups.Count; g++)
        {
            rows += rowGroups[g];
        }

        thrift.FieldI64(3, rows);
        thrift.BeginListField(4, ThriftCompactWriter.Struct, rowGroups.Count);
        for (var g = 0; g < rowGroups.Count; g++)
        {
            WriteRowGroup(thrift, columns, rowGroups[g], chunks, g * columns.Count);
        }

        thrift.FieldString(6, CreatedBy);
        thrift.EndStruct();
    }

    private static void WriteSchema<TRow>(ThriftCompactWriter thrift, IReadOnlyList<LakeColumn<TRow>> columns)
    {
        thrift.BeginListField(2, ThriftCompactWriter.Struct, columns.Count + 1);
        thrift.BeginStruct();
        thrift.FieldString(4, "root");
        thrift.FieldI32(5, columns.Count);
        thrift.EndStruct();
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            thrift.BeginStruct();
            thrift.FieldI32(1, PhysicalType(column.Type));
            thrift.FieldI32(3, Optional);
            thrift.FieldString(4, column.Name);
            switch (column.Type)
            {
                case LakeType.Text:
                    thrift.FieldI32(6, ConvertedUtf8);
                    thrift.BeginStructField(10); // LogicalType union: STRING = 1, an empty struct
                    thrift.BeginStructField(1);
                    thrift.EndStruct();
                    thrift.EndStruct();
                    break;
                case LakeType.Number32:
                case LakeType.Number64:
                    var bits = column.Type == LakeType.Number32 ? 32 : 64;
                    thrift.FieldI32(6, bits == 32 ? ConvertedInt32 : ConvertedInt64);
                    thrift.BeginStructField(10); // LogicalType union: INTEGER = 10, IntType{bitWidth, isSigned}
                    thrift.BeginStructField(10);
                    thrift.FieldByte(1, (byte)bits);
                    thrift.FieldBool(2, true);
                    thrift.EndStruct();
                    thrift.EndStruct();
                    break;
                default:
                    break;
            }

            thrift.EndStruct();
        }
    }

    private static void WriteRowGroup<TRow>(
        ThriftCompactWriter thrift,
        IReadOnlyList<LakeColumn<TRow>> columns,
        int rows,
        IReadOnlyList<ColumnChunkInfo> chunks,
        int firstChunk)
    {
        long uncompressed = 0;
        long compressed = 0;
        thrift.BeginStruct();
        thrift.BeginListField(1, ThriftCompactWriter.Struct, columns.Count);
        for (var c = 0; c < columns.Count; c++)
        {
            var chunk = chunks[firstChunk + c];
            uncompressed += chunk.UncompressedBytes;
            compressed += chunk.CompressedBytes;
            thrift.BeginStruct();

            // file_offset: Parquet.Net writes the first page's offset here too; readers go by data_page_offset.
            thrift.FieldI64(2, chunk.PageOffset);
            thrift.BeginStructField(3);
            thrift.FieldI32(1, PhysicalType(columns[c].Type));
            thrift.BeginListField(2, ThriftCompactWriter.I32, 2);
            thrift.ElementI32(Plain);
            thrift.ElementI32(Rle);
            thrift.BeginListField(3, ThriftCompactWriter.Binary, 1);
            thrift.ElementString(columns[c].Name);
            thrift.FieldI32(4, Zstd);
            thrift.FieldI64(5, chunk.Values);
            thrift.FieldI64(6, chunk.UncompressedBytes);
            thrift.FieldI64(7, chunk.CompressedBytes);
            thrift.FieldI64(9, chunk.PageOffset);
            thrift.BeginStructField(12); // Statistics{null_count = 3}
            thrift.FieldI64(3, chunk.Nulls);
            thrift.EndStruct();
            thrift.EndStruct();
            thrift.EndStruct();
        }

        thrift.FieldI64(2, uncompressed);
        thrift.FieldI64(3, rows);
        thrift.FieldI64(6, compressed);
        thrift.EndStruct();
    }
}
