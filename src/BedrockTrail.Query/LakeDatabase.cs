using System.Data.Common;
using BedrockTrail.Lake;
using BedrockTrail.Query.Views;
using DuckDB.NET.Data;

namespace BedrockTrail.Query;

/// <summary>
/// An in-memory DuckDB over a lake's Parquet files with the contract's views. DuckDB never reaches for the network:
/// extension auto-install is off (httpfs is not bundled and S3 is read through the AWS SDK instead).
/// One instance per thread: DuckDB connections are not shared across threads.
/// </summary>
public sealed class LakeDatabase : IDisposable
{
    private readonly DuckDBConnection _connection;

    private LakeDatabase(DuckDBConnection connection, LakeLayout lake)
    {
        _connection = connection;
        Lake = lake;
    }

    public LakeLayout Lake { get; }

    /// <param name="threads">
    /// DuckDB's worker threads; default all cores. Resolution passes 1: it reads whole tables once and aggregates
    /// calls into sessions, where every thread keeps its own aggregate states (on a 5M-event lake, two threads held
    /// 100 MB more than one, for the same time).
    /// </param>
    public static LakeDatabase Open(LakeLayout lake, int? threads = null)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var database = new LakeDatabase(connection, lake);
        try
        {
            database.Execute("SET autoinstall_known_extensions = false");
            database.Execute("SET TimeZone = 'UTC'");
            if (threads is { } count)
            {
                database.Execute($"SET threads = {count.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            foreach (var statement in LakeViews.Statements(lake))
            {
                database.Execute(statement);
            }

            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads DuckDB's native library and opens and closes an empty database: the first open in a process maps and
    /// relocates tens of megabytes of native code. Ingest does this while it reads, so that resolution, which must
    /// wait for the lake's commit, does not pay it afterwards.
    /// </summary>
    public static void WarmUp()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a query; named parameters are written <c>$name</c> in the SQL.</summary>
    public QueryResult Query(string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        using var command = CreateCommand(sql, parameters);
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new QueryResult(columns, types, rows);
    }

    /// <summary>Streams rows through a mapping without holding the result in memory (the resolver reads whole tables).</summary>
    public IEnumerable<T> Read<T>(string sql, Func<DbDataReader, T> map, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        using var command = CreateCommand(sql, parameters);

        // Streaming: DuckDB hands over one chunk of rows at a time instead of materialising the whole result first
        // (reading credential_events of a 5M-event lake held 400 MB of result that way).
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return map(reader);
        }
    }

    public void Dispose() => _connection.Dispose();

    private DuckDBCommand CreateCommand(string sql, IReadOnlyDictionary<string, object?>? parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }

        return command;
    }
}
