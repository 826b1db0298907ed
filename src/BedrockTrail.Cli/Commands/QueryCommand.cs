using System.CommandLine;
using DuckDB.NET.Data;

namespace BedrockTrail.Cli.Commands;

/// <summary><c>bedrocktrail query --lake DIR "SQL"</c>: ad-hoc DuckDB SQL over the lake's views.</summary>
internal static class QueryCommand
{
    public static Command Create(CliContext context)
    {
        var lake = CommonOptions.Lake();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sql = new Argument<string>("sql")
        {
            Description = "DuckDB SQL. Views: bedrock_calls, credential_events, invocation_logs, identities, invocations, quarantine, grants, iam_principals, approved_use, ingested_objects.",
        };
        var command = new Command("query", "Run ad-hoc SQL over the lake, e.g. \"SELECT identity, count(*) FROM invocations GROUP BY 1 ORDER BY 2 DESC\".")
        {
            lake, format, output, sql,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var database = LakeAccess.OpenExisting(parse.GetValue(lake)!);
            try
            {
                var result = database.Query(parse.GetValue(sql)!);
                await ResultOutput.WriteAsync(context.Terminal, result, parse.GetValue(format), parse.GetValue(output), "query", cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (DuckDBException e)
            {
                throw new UsageException("the query failed: " + e.Message, e);
            }
        });
        return command;
    }
}
