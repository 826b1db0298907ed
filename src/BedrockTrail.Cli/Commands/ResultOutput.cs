using BedrockTrail.Query;
using BedrockTrail.Query.Output;

namespace BedrockTrail.Cli.Commands;

/// <summary>Writes a rendered result to stdout or to --out; a note on stderr says where a file went.</summary>
internal static class ResultOutput
{
    public static async Task WriteAsync(CliTerminal terminal, QueryResult result, ResultFormat format, string? outFile, string? title, CancellationToken cancellationToken)
    {
        var text = ResultRenderer.Render(result, format, title);
        if (string.IsNullOrEmpty(outFile))
        {
            await terminal.Out.WriteAsync(text).ConfigureAwait(false);
            await terminal.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(outFile));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(outFile, text, cancellationToken).ConfigureAwait(false);
        await terminal.Error.WriteLineAsync($"wrote {result.Rows.Count} rows to {outFile}").ConfigureAwait(false);
    }
}
