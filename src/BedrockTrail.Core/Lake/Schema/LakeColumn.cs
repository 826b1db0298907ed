namespace BedrockTrail.Lake.Schema;

/// <summary>The physical types the lake uses. Parquet writers and DuckDB views both map from these.</summary>
public enum LakeType
{
    Text,
    Timestamp,
    Flag,
    Number32,
    Number64,
    TextList,
}

/// <summary>One column of a lake table: its name, type and how to read it from a row.</summary>
public abstract record LakeColumn<TRow>(string Name, LakeType Type);

public sealed record StringColumn<TRow>(string Name, Func<TRow, string?> Get) : LakeColumn<TRow>(Name, LakeType.Text);

public sealed record TimestampColumn<TRow>(string Name, Func<TRow, DateTime?> Get) : LakeColumn<TRow>(Name, LakeType.Timestamp);

public sealed record BooleanColumn<TRow>(string Name, Func<TRow, bool?> Get) : LakeColumn<TRow>(Name, LakeType.Flag);

public sealed record Int32Column<TRow>(string Name, Func<TRow, int?> Get) : LakeColumn<TRow>(Name, LakeType.Number32);

public sealed record Int64Column<TRow>(string Name, Func<TRow, long?> Get) : LakeColumn<TRow>(Name, LakeType.Number64);

public sealed record StringListColumn<TRow>(string Name, Func<TRow, IReadOnlyList<string>> Get) : LakeColumn<TRow>(Name, LakeType.TextList);
