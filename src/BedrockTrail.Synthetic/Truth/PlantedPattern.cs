namespace BedrockTrail.Synthetic.Truth;

/// <summary>An LLMjacking pattern the generator planted, for the detection report to find.</summary>
/// <param name="Identity">The resolved identity string of the session that did it.</param>
/// <param name="SessionKey">The session the pattern's events were made with.</param>
/// <param name="Pattern">One of <see cref="LlmJackingPatterns"/>.</param>
public sealed record PlantedPattern(string Identity, string SessionKey, string Pattern, string AccountId, string Region);

/// <summary>The names of planted LLMjacking patterns.</summary>
public static class LlmJackingPatterns
{
    /// <summary>ListFoundationModels / GetFoundationModelAvailability / GetModelInvocationLoggingConfiguration, then invocation.</summary>
    public const string ReconThenInvoke = "recon-then-invoke";
    /// <summary>PutUseCaseForModelAccess, CreateFoundationModelAgreement, PutFoundationModelEntitlement.</summary>
    public const string ModelAccessEnablement = "model-access-enablement";
    /// <summary>DeleteModelInvocationLoggingConfiguration.</summary>
    public const string LoggingDisabled = "logging-disabled";
    /// <summary>A burst of AccessDenied / ValidationException errors on invocation.</summary>
    public const string ErrorBurst = "error-burst";
    /// <summary>Invocation in a region the identity never used before.</summary>
    public const string NewRegion = "new-region";
}
