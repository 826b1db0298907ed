namespace BedrockTrail.Cli;

/// <summary>A problem the user can fix (a bad option, a bucket that does not exist); reported with exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
