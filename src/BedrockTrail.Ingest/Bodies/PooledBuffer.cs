using System.Buffers;

namespace BedrockTrail.Ingest.Bodies;

/// <summary>A growable byte buffer rented from the shared pool; whoever ends up owning the array returns it.</summary>
internal sealed class PooledBuffer : IDisposable
{
    // Arrays past this size are not worth doubling: grow by half instead so a 600 MB body does not ask for 1.2 GB.
    private const int DoublingLimit = 256 * 1024 * 1024;

    private byte[]? _array;

    public PooledBuffer(int initialCapacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 4096));
    }

    public int Length { get; private set; }

    public byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

    public Span<byte> Written => Array.AsSpan(0, Length);

    /// <summary>Free space after the written bytes, at least <paramref name="minimum"/> bytes long.</summary>
    public Memory<byte> GetFree(int minimum)
    {
        var array = Array;
        if (array.Length - Length < minimum)
        {
            var grown = array.Length < DoublingLimit ? (long)array.Length * 2 : array.Length + (array.Length / 2L);
            var size = (int)Math.Min(Math.Max(grown, (long)Length + minimum), System.Array.MaxLength);
            if (size - Length < minimum)
            {
                throw new InsufficientMemoryException("An object body is larger than the largest array .NET can hold.");
            }

            var next = ArrayPool<byte>.Shared.Rent(size);
            array.AsSpan(0, Length).CopyTo(next);
            ArrayPool<byte>.Shared.Return(array);
            _array = array = next;
        }

        return array.AsMemory(Length);
    }

    public void Advance(int count) => Length += count;

    /// <summary>Hands the array to the caller, who must return it to the pool; this buffer is then empty.</summary>
    public byte[] Detach()
    {
        var array = Array;
        _array = null;
        return array;
    }

    public void Dispose()
    {
        var array = _array;
        _array = null;
        if (array is not null)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
