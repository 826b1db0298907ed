using System.Buffers.Binary;

namespace BedrockTrail.Normalise.LakeWriting.Parquet;

/// <summary>
/// A growable byte buffer: the page, value and output buffers of the flat writer. Its arrays are its own, not the
/// shared pool's: writers are kept between the files of a run and let go when the run ends (see
/// <see cref="FlatParquetWriter.ReleaseIdle"/>), whereas arrays returned to the shared pool would stay alive after it.
/// </summary>
internal sealed class GrowableByteBuffer
{
    private byte[] _array;

    public GrowableByteBuffer(int initialCapacity)
    {
        _array = GC.AllocateUninitializedArray<byte>(initialCapacity);
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _array.AsSpan(0, Length);

    /// <summary>The free space after the written bytes, at least <paramref name="sizeHint"/> long; call <see cref="Advance"/> after filling it.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        if (_array.Length - Length < sizeHint)
        {
            Grow(sizeHint);
        }

        return _array.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void Clear() => Length = 0;

    public void WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        Length++;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Length += bytes.Length;
    }

    public void WriteInt32LittleEndian(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        Length += 4;
    }

    public void WriteInt64LittleEndian(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(GetSpan(8), value);
        Length += 8;
    }

    /// <summary>Overwrites 4 already written bytes: a length known only after what it measures was written.</summary>
    public void PatchInt32LittleEndian(int offset, int value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Length - 4);
        BinaryPrimitives.WriteInt32LittleEndian(_array.AsSpan(offset, 4), value);
    }

    /// <summary>An unsigned LEB128 varint, as Thrift's compact protocol and Parquet's RLE run headers use.</summary>
    public void WriteVarint(ulong value)
    {
        var span = GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        Length += i;
    }


    private void Grow(int sizeHint)
    {
        var needed = (long)Length + sizeHint;
        var size = (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_array.Length * 2));
        var larger = GC.AllocateUninitializedArray<byte>(size);
        _array.AsSpan(0, Length).CopyTo(larger);
        _array = larger;
    }
}
