using System.Buffers.Binary;
using System.Text;

namespace BedrockTrail.Normalise.LakeWriting.Parquet;

/// <summary>
/// One pass per column chunk: read each row's value through the column's getter, note its definition level, append
/// its PLAIN encoding (https://parquet.apache.org/docs/file-format/data-pages/encodings/#plain-plain--0) for non-nulls.
/// </summary>
internal sealed partial class FlatParquetWriter
{
    /// <summary>BYTE_ARRAY: 4-byte little-endian length, then the UTF-8 bytes, encoded straight into the page buffer.</summary>
    private void WriteTexts<TRow>(Func<TRow, string?> get, ReadOnlySpan<TRow> rows)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var value = get(rows[i]);
            _levels.Add(value is not null);
            if (value is null)
            {
                continue;
            }

            var span = _values.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
            var length = Encoding.UTF8.GetBytes(value, span[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(span, length);
            _values.Advance(4 + length);
            if (_values.Length >= PageValueBytes)
            {
                FlushPage();
            }
        }

        FlushPage();
    }

    /// <summary>BOOLEAN: one bit a non-null value, least significant bit first, the last byte zero-padded.</summary>
    private void WriteFlags<TRow>(Func<TRow, bool?> get, ReadOnlySpan<TRow> rows)
    {
        byte pending = 0;
        var bits = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var value = get(rows[i]);
            _levels.Add(value.HasValue);
            if (!value.HasValue)
            {
                continue;
            }

            if (value.GetValueOrDefault())
            {
                pending |= (byte)(1 << bits);
            }

            if (++bits == 8)
            {
                _values.WriteByte(pending);
                pending = 0;
                bits = 0;
                if (_values.Length >= PageValueBytes)
                {
                    FlushPage();
                }
            }
        }

        if (bits > 0)
        {
            _values.WriteByte(pending);
        }

        FlushPage();
    }

    /// <summary>Fixed-width values (INT32, INT64, INT96 timestamps): <paramref name="size"/> bytes each, as <paramref name="encode"/> writes them.</summary>
    private void WriteFixed<TRow, T>(Func<TRow, T?> get, ReadOnlySpan<TRow> rows, int size, FixedEncoder<T> encode)
        where T : struct
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var value = get(rows[i]);
            _levels.Add(value.HasValue);
            if (!value.HasValue)
            {
                continue;
            }

            encode(_values.GetSpan(size), value.GetValueOrDefault());
            _values.Advance(size);
            if (_values.Length >= PageValueBytes)
            {
                FlushPage();
            }
        }

        FlushPage();
    }

    private delegate void FixedEncoder<in T>(Span<byte> destination, T value);
}
