namespace BedrockTrail.Cli.Pipeline;

/// <summary>How to reach S3 for s3:// sources; unset values come from the standard AWS chain (env, profile, instance).</summary>
public sealed record S3Settings(Uri? EndpointUrl = null, string? Region = null, string? Profile = null)
{
    public static readonly S3Settings Default = new();
}
