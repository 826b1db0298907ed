namespace BedrockTrail.Cli;

/// <summary>Exit codes fixed by the contract.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run finished, but some input was quarantined or failed.</summary>
    public const int CompletedWithProblems = 1;

    /// <summary>Usage errors, or nothing could be done (no such bucket, no credentials, unreadable lake).</summary>
    public const int UsageOrNothingDone = 2;
}
