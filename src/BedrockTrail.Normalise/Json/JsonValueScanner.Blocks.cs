using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BedrockTrail.Normalise.Json;

/// <summary>
/// The container scan 64 bytes at a time, after simdjson's first stage (Langdale and Lemire, "Parsing gigabytes of
/// JSON per second", https://arxiv.org/abs/1902.08318): quotes, backslashes and brackets become bit masks, escapes and
/// string interiors are worked out with integer arithmetic, and only brackets outside strings are visited one by one.
/// A CloudTrail record has a quote every ten bytes or so, which is what made the byte loop the decoder's hot spot.
/// <para>
/// It answers exactly as <see cref="FindContainerEndByBytes"/>. The one place the two readings could part is a
/// backslash outside any string (invalid JSON): the byte loop ignores it, the masks would let it escape a quote. The
/// first such backslash sits where the masks, still exact up to there, say "outside a string", so it is detected and
/// the record is scanned again by the byte loop.
/// </para>
/// </summary>
internal static partial class JsonValueScanner
{
    private const int BlockSize = 64;
    private const ulong EvenBits = 0x5555_5555_5555_5555UL;

    internal static int FindContainerEndByBlocks(ReadOnlySpan<byte> data, int start)
    {
        ulong prevEscaped = 0;
        ulong prevInString = 0;
        var depth = 0;
        Span<byte> tail = stackalloc byte[BlockSize];
        for (var pos = start; pos < data.Length; pos += BlockSize)
        {
            Block block;
            if (data.Length - pos >= BlockSize)
            {
                block = Classify(data.Slice(pos, BlockSize));
            }
            else
            {
                // Spaces are inert inside and outside strings, so padding the last block changes nothing.
                tail.Fill((byte)' ');
                data[pos..].CopyTo(tail);
                block = Classify(tail);
            }

            var escaped = Escaped(block.Backslash, ref prevEscaped);
            var inString = PrefixXor(block.Quote & ~escaped) ^ prevInString;
            prevInString = (ulong)((long)inString >> 63);
            if ((block.Backslash & ~inString) != 0)
            {
                return FindContainerEndByBytes(data, start);
            }

            var brackets = (block.Open | block.Close) & ~inString;
            while (brackets != 0)
            {
                var bit = BitOperations.TrailingZeroCount(brackets);
                if (((block.Open >> bit) & 1) != 0)
                {
                    depth++;
                }
                else if (--depth == 0)
                {
                    return pos + bit + 1;
                }

                brackets &= brackets - 1;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Block Classify(ReadOnlySpan<byte> bytes)
    {
        ref var first = ref MemoryMarshal.GetReference(bytes);
        var lo = Vector256.LoadUnsafe(ref first);
        var hi = Vector256.LoadUnsafe(ref first, 32);

        // '[' | 0x20 is '{' and ']' | 0x20 is '}', and no other byte folds onto either: one compare per side.
        var caseBit = Vector256.Create((byte)0x20);
        var loFolded = lo | caseBit;
        var hiFolded = hi | caseBit;
        return new Block(
            Mask(lo, hi, (byte)'"'),
            Mask(lo, hi, (byte)'\\'),
            Mask(loFolded, hiFolded, (byte)'{'),
            Mask(loFolded, hiFolded, (byte)'}'));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(Vector256<byte> lo, Vector256<byte> hi, byte value)
    {
        var target = Vector256.Create(value);
        return Vector256.Equals(lo, target).ExtractMostSignificantBits()
            | ((ulong)Vector256.Equals(hi, target).ExtractMostSignificantBits() << 32);
    }

    /// <summary>
    /// The bytes escaped by a backslash: the byte after each odd-length run of backslashes. Runs starting on even
    /// and odd bit positions are told apart with one addition; its carry says whether the next block starts escaped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Escaped(ulong backslash, ref ulong prevEscaped)
    {
        if (backslash == 0)
        {
            var carried = prevEscaped;
            prevEscaped = 0;
            return carried;
        }

        backslash &= ~prevEscaped;
        var followsEscape = (backslash << 1) | prevEscaped;
        var oddSequenceStarts = backslash & ~EvenBits & ~followsEscape;
        var sequencesStartingOnEvenBits = oddSequenceStarts + backslash;
        prevEscaped = sequencesStartingOnEvenBits < oddSequenceStarts ? 1UL : 0UL;
        var invertMask = sequencesStartingOnEvenBits << 1;
        return (EvenBits ^ invertMask) & followsEscape;
    }

    /// <summary>Bit i is the parity of the quotes at or before i: set from an opening quote up to its closing one.</summary>
    private static ulong PrefixXor(ulong bits)
    {
        bits ^= bits << 1;
        bits ^= bits << 2;
        bits ^= bits << 4;
        bits ^= bits << 8;
        bits ^= bits << 16;
        bits ^= bits << 32;
        return bits;
    }

    private readonly record struct Block(ulong Quote, ulong Backslash, ulong Open, ulong Close);
}
