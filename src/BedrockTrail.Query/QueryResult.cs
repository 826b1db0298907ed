namespace BedrockTrail.Query;

/// <summary>A query's answer in memory: column names and DuckDB type names, and rows of CLR values.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<string> ColumnTypes, IReadOnlyList<object?[]> Rows)
{
    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"No column {name} in the result ({string.Join(", ", Columns)}).");
    }
}
