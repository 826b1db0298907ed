using System.Text;

namespace BedrockTrail.Normalise.LakeWriting.Parquet;

/// <summary>
/// The few pieces of Thrift's compact protocol that Parquet's page headers and footer need: field headers with
/// delta-encoded ids, zigzag varint integers, strings, lists and nested structs.
/// See https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md.
/// </summary>
internal sealed class ThriftCompactWriter
{
    public const byte BoolTrue = 1;
    public const byte BoolFalse = 2;
    public const byte Byte = 3;
    public const byte I32 = 5;
    public const byte I64 = 6;
    public const byte Binary = 8;
    public const byte List = 9;
    public const byte Struct = 12;

    private readonly GrowableByteBuffer _buffer;

    // The last field id written at each struct depth: headers carry the delta from it. Our structs nest 5 deep at most.
    private readonly short[] _lastFieldIds = new short[16];
    private int _depth;

    public ThriftCompactWriter(GrowableByteBuffer buffer)
    {
        _buffer = buffer;
    }

    public void FieldI32(short id, int value)
    {
        FieldHeader(id, I32);
        _buffer.WriteVarint(ZigZag(value));
    }

    public void FieldI64(short id, long value)
    {
        FieldHeader(id, I64);
        _buffer.WriteVarint(ZigZag(value));
    }

    public void FieldByte(short id, byte value)
    {
        FieldHeader(id, Byte);
        _buffer.WriteByte(value);
    }

    public void FieldBool(short id, bool value) => FieldHeader(id, value ? BoolTrue : BoolFalse);

    public void FieldString(short id, string value)
    {
        FieldHeader(id, Binary);
        StringBody(value);
    }

    /// <summary>Opens a struct-typed field; its fields follow, then <see cref="EndStruct"/>.</summary>
    public void BeginStructField(short id)
    {
        FieldHeader(id, Struct);
        BeginStruct();
    }

    /// <summary>Opens a struct with no field header: a list element, or the top-level struct.</summary>
    public void BeginStruct() => _lastFieldIds[++_depth] = 0;

    public void EndStruct()
    {
        _buffer.WriteByte(0);
        _depth--;
    }

    public void BeginListField(short id, byte elementType, int count)
    {
        FieldHeader(id, List);
        if (count < 15)
        {
            _buffer.WriteByte((byte)((count << 4) | elementType));
        }
        else
        {
            _buffer.WriteByte((byte)(0xF0 | elementType));
            _buffer.WriteVarint((uint)count);
        }
    }

    /// <summary>A list element of type i32.</summary>
    public void ElementI32(int value) => _buffer.WriteVarint(ZigZag(value));

    /// <summary>A list element of type binary (string).</summary>
    public void ElementString(string value) => StringBody(value);

    private void FieldHeader(short id, byte type)
    {
        var delta = id - _lastFieldIds[_depth];
        if (delta is > 0 and <= 15)
        {
            _buffer.WriteByte((byte)((delta << 4) | type));
        }
        else
        {
            _buffer.WriteByte(type);
            _buffer.WriteVarint(ZigZag(id));
        }

        _lastFieldIds[_depth] = id;
    }

    private void StringBody(string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        _buffer.WriteVarint((uint)bytes);
        _buffer.Advance(Encoding.UTF8.GetBytes(value, _buffer.GetSpan(bytes)));
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
