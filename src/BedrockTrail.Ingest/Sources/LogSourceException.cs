namespace BedrockTrail.Ingest.Sources;

/// <summary>
/// A log source cannot be used, with a message that says what to do. The CLI turns it into exit code 2 (for
/// <see cref="LogSourceFailure.ObjectNotFound"/>, a quarantined object instead).
/// </summary>
public sealed class LogSourceException : Exception
{
    public LogSourceException()
    {
    }

    public LogSourceException(string message)
        : base(message)
    {
    }

    public LogSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LogSourceException(LogSourceFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public LogSourceFailure Failure { get; }
}
