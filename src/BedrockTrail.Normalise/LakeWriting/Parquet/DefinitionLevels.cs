namespace BedrockTrail.Normalise.LakeWriting.Parquet;

/// <summary>
/// The definition levels of one page of an optional flat column (1 = value present, 0 = null), gathered as bits and
/// written in Parquet's RLE/bit-packed hybrid at bit width 1: one RLE run when the page is all present or all null,
/// else one bit-packed run, whose byte layout (LSB first, 8 values a group) is exactly the gathered bits.
/// See https://parquet.apache.org/docs/file-format/data-pages/encodings/#run-length-encoding--bit-packing-hybrid-rle--3.
/// </summary>
internal sealed class DefinitionLevels
{
    private readonly GrowableByteBuffer _bits = new(4096);
    private byte _pending;

    /// <summary>Levels gathered for the current page.</summary>
    public int Count { get; private set; }

    public int Present { get; private set; }

    public int Nulls => Count - Present;

    public void Add(bool present)
    {
        if (present)
        {
            _pending |= (byte)(1 << (Count & 7));
            Present++;
        }

        Count++;
        if ((Count & 7) == 0)
        {
            _bits.WriteByte(_pending);
            _pending = 0;
        }
    }

    /// <summary>Writes the levels as a page body starts: their byte length (4 bytes LE), then the hybrid runs.</summary>
    public void WriteTo(GrowableByteBuffer body)
    {
        var lengthAt = body.Length;
        body.WriteInt32LittleEndian(0);
        if (Present == Count || Present == 0)
        {
            body.WriteVarint((ulong)Count << 1);
            body.WriteByte(Present == 0 ? (byte)0 : (byte)1);
        }
        else
        {
            // The last group is padded with zeros; readers stop at the page header's num_values.
            var groups = (Count + 7) / 8;
            body.WriteVarint(((ulong)groups << 1) | 1);
            body.Write(_bits.Written);
            if ((Count & 7) != 0)
            {
                body.WriteByte(_pending);
            }
        }

        var length = body.Length - lengthAt - 4;
        body.PatchInt32LittleEndian(lengthAt, length);
    }

    public void Reset()
    {
        _bits.Clear();
        _pending = 0;
        Count = 0;
        Present = 0;
    }
}
