using System.Buffers;
using System.Buffers.Binary;

namespace BedrockTrail.Normalise.LakeWriting.Parquet;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>: the page, value and output buffers of the flat
/// writer are reused page after page and file after file, so encoding allocates nothing per value or per page.
/// </summary>
internal sealed class PooledByteBuffer : IDisposable
{
    private byte[] _array;

    public PooledByteBuffer(int initialCapacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(initialCapacity);
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

    public void Dispose()
    {
        var array = _array;
        _array = [];
        Length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Grow(int sizeHint)
    {
        var needed = (long)Length + sizeHint;
        var size = (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_array.Length * 2));
        var larger = ArrayPool<byte>.Shared.Rent(size);
        _array.AsSpan(0, Length).CopyTo(larger);
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = larger;
    }
}
