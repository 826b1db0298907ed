namespace BedrockTrail.Cli;

/// <summary>
/// Where the CLI writes: data to <see cref="Out"/> (stdout), people's progress and summaries to <see cref="Error"/>
/// (stderr). Tests pass string writers.
/// </summary>
public sealed record CliTerminal(TextWriter Out, TextWriter Error, bool ErrorIsTerminal = false);
