using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace BedrockTrail.Synthetic.Events;

/// <summary>Renders <see cref="TrailEvent"/>s as CloudTrail JSON with <see cref="Utf8JsonWriter"/> (fast, no reflection).</summary>
internal static class TrailEventWriter
{
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>STS writes expiration as a human string such as "Oct 8, 2024, 4:15:32 PM".</summary>
    public static string Expiration(DateTimeOffset t) => t.UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture);

    public static byte[] Render(TrailEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, e);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter w, TrailEvent e)
    {
        w.WriteStartObject();
        w.WriteString("eventVersion", e.EventVersion);
        w.WritePropertyName("userIdentity");
        WriteIdentity(w, e.UserIdentity);
        w.WriteString("eventTime", Time(e.EventTime));
        w.WriteString("eventSource", e.EventSource);
        w.WriteString("eventName", e.EventName);
        w.WriteString("awsRegion", e.AwsRegion);
        w.WriteString("sourceIPAddress", e.SourceIp);
        w.WriteString("userAgent", e.UserAgent);
        if (e.ErrorCode is not null)
        {
            w.WriteString("errorCode", e.ErrorCode);
            w.WriteString("errorMessage", e.ErrorMessage);
        }

        WritePart(w, "requestParameters", e.RequestParameters, nullWhenMissing: true);
        WritePart(w, "responseElements", e.ResponseElements, nullWhenMissing: true);
        WritePart(w, "additionalEventData", e.AdditionalEventData, nullWhenMissing: false);
        w.WriteString("requestID", e.RequestId);
        w.WriteString("eventID", e.EventId);
        w.WriteBoolean("readOnly", e.ReadOnly);
        WritePart(w, "resources", e.Resources, nullWhenMissing: false);
        w.WriteString("eventType", e.EventType);
        w.WriteBoolean("managementEvent", e.ManagementEvent);
        w.WriteString("recipientAccountId", e.RecipientAccountId);
        if (e.SharedEventId is not null)
        {
            w.WriteString("sharedEventID", e.SharedEventId);
        }

        WritePart(w, "serviceEventDetails", e.ServiceEventDetails, nullWhenMissing: false);
        w.WriteString("eventCategory", e.EventCategory);
        if (e.Host is not null)
        {
            w.WriteStartObject("tlsDetails");
            w.WriteString("tlsVersion", "TLSv1.3");
            w.WriteString("cipherSuite", "TLS_AES_128_GCM_SHA256");
            w.WriteString("clientProvidedHostHeader", e.Host);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static void WriteIdentity(Utf8JsonWriter w, CallerIdentity id)
    {
        w.WriteStartObject();
        w.WriteString("type", id.Type);
        WriteIfSet(w, "principalId", id.PrincipalId);
        WriteIfSet(w, "arn", id.Arn);
        WriteIfSet(w, "accountId", id.AccountId);
        WriteIfSet(w, "accessKeyId", id.AccessKeyId);
        WriteIfSet(w, "userName", id.UserName);
        WriteIfSet(w, "identityProvider", id.IdentityProvider);
        if (id.CreationDate is { } created)
        {
            w.WriteStartObject("sessionContext");
            if (id.SessionIssuer is { } issuer)
            {
                w.WriteStartObject("sessionIssuer");
                w.WriteString("type", "Role");
                w.WriteString("principalId", issuer.PrincipalId);
                w.WriteString("arn", issuer.Arn);
                w.WriteString("accountId", issuer.AccountId);
                w.WriteString("userName", issuer.Name);
                w.WriteEndObject();
            }

            w.WriteStartObject("attributes");
            w.WriteString("creationDate", Time(created));
            w.WriteString("mfaAuthenticated", id.MfaAuthenticated ? "true" : "false");
            w.WriteEndObject();
            WriteIfSet(w, "sourceIdentity", id.SourceIdentity);
            WriteIfSet(w, "ec2RoleDelivery", id.Ec2RoleDelivery);
            w.WriteEndObject();
        }

        if (id.OnBehalfOf is { } obo)
        {
            w.WriteStartObject("onBehalfOf");
            w.WriteString("userId", obo.UserId);
            w.WriteString("identityStoreArn", obo.IdentityStoreArn);
            w.WriteEndObject();
        }

        WriteIfSet(w, "credentialId", id.CredentialId);
        WriteIfSet(w, "invokedBy", id.InvokedBy);
        w.WriteEndObject();
    }

    private static void WritePart(Utf8JsonWriter w, string name, JsonPart? part, bool nullWhenMissing)
    {
        if (part is not null)
        {
            w.WritePropertyName(name);
            part(w);
        }
        else if (nullWhenMissing)
        {
            w.WriteNull(name);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
