using System.CommandLine;
using BedrockTrail.Query.Output;

namespace BedrockTrail.Cli.Commands;

/// <summary>Options shared by several commands, defined once so their names and help read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Lake() => new("--lake")
    {
        Description = "The lake folder (Parquet tables plus bookkeeping). Created by ingest if it does not exist.",
        Required = true,
        HelpName = "dir",
    };

    public static Option<ResultFormat> Format() => new("--format")
    {
        Description = "Output format: table (aligned, for a terminal), csv or json (complete, for scripts), md (for tickets), html (a self-contained page).",
        DefaultValueFactory = _ => ResultFormat.Table,
        HelpName = "table|csv|json|md|html",
    };

    public static Option<string?> Out() => new("--out")
    {
        Description = "Write the result to this file instead of stdout.",
        HelpName = "file",
    };
}
