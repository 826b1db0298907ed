using System.Text.Json;
using BedrockTrail.Lake;
using BedrockTrail.Models;
using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>
/// A Bedrock record as a <see cref="BedrockCall"/>. Runtime events carry only <c>requestParameters.modelId</c>;
/// mantle's CreateInference names the model in <c>requestParameters.model</c> and puts <c>callWithBearerToken</c> in
/// <c>requestParameters</c> rather than <c>additionalEventData</c>
/// (https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html).
/// </summary>
internal static class BedrockCallMapper
{
    public static BedrockCall Map(EventHeader header)
    {
        var record = header.Record;
        var caller = header.Caller;
        var request = header.RequestParameters;
        var additional = header.AdditionalEventData;
        var modelId = request.Str("modelId"u8) ?? request.Str("model"u8) ?? ModelFromResources(record.Any("resources"u8));
        return new BedrockCall
        {
            EventId = header.EventId,
            EventTime = header.EventTime,
            EventSource = header.EventSource,
            EventName = header.EventName,
            AccountId = header.AccountId,
            Region = header.Region,
            EventCategory = record.Str("eventCategory"u8),
            ModelId = modelId,
            BaseModelId = ModelIds.BaseModelOf(modelId),
            InferenceRegion = additional.Str("inferenceRegion"u8),
            PrincipalType = caller.Type,
            PrincipalId = caller.PrincipalId,
            PrincipalArn = caller.Arn,
            PrincipalAccountId = caller.AccountId,
            UserName = caller.UserName,
            AccessKeyId = caller.AccessKeyId,
            SessionKey = SessionKeys.For(caller.AccessKeyId, caller.Arn, caller.PrincipalId, caller.InvokedBy, header.EventId),
            SessionIssuerType = caller.SessionIssuerType,
            SessionIssuerArn = caller.SessionIssuerArn,
            SessionIssuerPrincipalId = caller.SessionIssuerPrincipalId,
            SessionName = caller.SessionName,
            SourceIdentity = caller.SourceIdentity,
            OnBehalfOfUserId = caller.OnBehalfOfUserId,
            IdentityStoreArn = caller.IdentityStoreArn,
            SessionCreated = caller.SessionCreated,
            MfaAuthenticated = caller.MfaAuthenticated,
            FromConsole = record.Bool("sessionCredentialFromConsole"u8),
            Ec2RoleDelivery = caller.Ec2RoleDelivery,
            InScopeOf = caller.InScopeOf,
            InvokedBy = caller.InvokedBy,
            CallWithBearerToken = additional.Bool("callWithBearerToken"u8) ?? request.Bool("callWithBearerToken"u8),
            SourceIp = header.SourceIp,
            UserAgent = header.UserAgent,
            EndpointHost = record.Obj("tlsDetails"u8).Str("clientProvidedHostHeader"u8),
            ErrorCode = header.ErrorCode,
            ErrorMessage = header.ErrorMessage,
            RequestId = header.RequestId,
            ReadOnly = record.Bool("readOnly"u8),
            SourceObject = header.SourceObject,
        };
    }

    // Data events (agents, async invoke) may name the model only among resources[].
    private static string? ModelFromResources(JsonElement resources)
    {
        if (resources.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var resource in resources.EnumerateArray())
        {
            var arn = resource.Str("ARN"u8) ?? resource.Str("arn"u8);
            if (ModelIds.IsModelResourceArn(arn))
            {
                return arn;
            }
        }

        return null;
    }
}
