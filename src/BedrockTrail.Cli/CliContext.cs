namespace BedrockTrail.Cli;

/// <summary>What every command needs from outside: the terminal and the clock.</summary>
public sealed record CliContext(CliTerminal Terminal, TimeProvider Time);
