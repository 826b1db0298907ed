namespace BedrockTrail.Query.Output;

/// <summary>How a result is printed: an aligned table for people, CSV and JSON for scripts, Markdown for tickets, HTML to share.</summary>
public enum ResultFormat
{
    Table,
    Csv,
    Json,
    Md,
    Html,
}
