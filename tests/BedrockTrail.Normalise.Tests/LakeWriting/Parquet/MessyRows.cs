using System.Reflection;
using System.Runtime.CompilerServices;

namespace BedrockTrail.Normalise.Tests.LakeWriting.Parquet;

/// <summary>
/// Rows of any lake row type with every property set by its type and the row's index, cycling through the values that
/// break writers: nulls, empty and non-ASCII strings, sub-second and pre-1970 times, extreme integers. Properties named
/// in <c>allNull</c> stay null in every row; required properties are never null.
/// </summary>
internal static class MessyRows
{
    private static readonly string?[] Texts =
    [
        null,
        "",
        "arn:aws:iam::111122223333:role/BedrockInvoker",
        "ünïcødé 日本語 🚀 Ω",
        "a",
        "eu-west-1",
        "x\ty\n\"z\" \\ \u0000 end",
    ];

    private static readonly DateTime?[] Times =
    [
        null,
        new DateTime(2024, 10, 8, 16, 15, 32, DateTimeKind.Utc).AddTicks(1_234_567),
        new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999),
        new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2038, 1, 19, 3, 14, 8, 1, DateTimeKind.Utc),
    ];

    private static readonly bool?[] Flags = [null, true, false, true, true];

    private static readonly long?[] Longs = [null, 0, -1, long.MaxValue, long.MinValue, 123_456_789_012, 1];

    private static readonly int?[] Ints = [null, 0, -1, int.MaxValue, int.MinValue, 42];

    public static List<TRow> Make<TRow>(int count, params string[] allNull)
        where TRow : class
    {
        var properties = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var rows = new List<TRow>(count);
        for (var i = 0; i < count; i++)
        {
            var row = (TRow)RuntimeHelpers.GetUninitializedObject(typeof(TRow));
            for (var p = 0; p < properties.Length; p++)
            {
                var property = properties[p];
                var nullable = property.GetCustomAttribute<RequiredMemberAttribute>() is null;
                var value = allNull.Contains(property.Name) ? null : ValueFor(property.PropertyType, property.Name, i + (3 * p), nullable);
                property.SetValue(row, value);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static object? ValueFor(Type type, string name, int k, bool nullable)
    {
        object? value = type switch
        {
            _ when type == typeof(string) => Texts[k % Texts.Length] is { } text ? text + (k % 2 == 0 ? $"-{name}-{k}" : "") : null,
            _ when type == typeof(DateTime) || type == typeof(DateTime?) => Times[k % Times.Length]?.AddMinutes(k),
            _ when type == typeof(bool) || type == typeof(bool?) => Flags[k % Flags.Length],
            _ when type == typeof(long) || type == typeof(long?) => Longs[k % Longs.Length],
            _ when type == typeof(int) || type == typeof(int?) => Ints[k % Ints.Length],
            _ => throw new NotSupportedException($"{name}: {type}"),
        };
        var canBeNull = nullable && (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null);
        return value ?? (canBeNull ? null : ValueFor(type, name, k + 1, nullable: false));
    }
}
