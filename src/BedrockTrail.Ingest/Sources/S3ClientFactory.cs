using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.S3;

namespace BedrockTrail.Ingest.Sources;

/// <summary>
/// Builds the S3 client for a source. Credentials and region are resolved here, eagerly, so that "no credentials"
/// is one clear message before any listing starts.
/// </summary>
public static class S3ClientFactory
{
    public static IAmazonS3 Create(S3SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            // All retries live in ObjectRetryPolicy; SDK retries on top would multiply them.
            MaxErrorRetry = 0,
        };
        if (options.HttpClientFactory is { } factory)
        {
            config.HttpClientFactory = factory;
        }

        CredentialProfile? profile = null;
        if (options.Profile is { } profileName && !new CredentialProfileStoreChain().TryGetProfile(profileName, out profile))
        {
            throw new LogSourceException(
                LogSourceFailure.NoCredentials,
                $"The AWS profile '{profileName}' is not in ~/.aws/config or ~/.aws/credentials. Check --profile, or run 'aws configure list-profiles'.");
        }

        var region = options.Region ?? profile?.Region?.SystemName;
        if (options.EndpointUrl is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = region is not null ? RegionEndpoint.GetBySystemName(region)
                : FallbackRegionFactory.GetRegionEndpoint() ?? RegionEndpoint.USEast1;
        }

        return new AmazonS3Client(ResolveCredentials(options, profile, config), config);
    }

    private static AWSCredentials ResolveCredentials(S3SourceOptions options, CredentialProfile? profile, AmazonS3Config config)
    {
        if (options.Credentials is { } explicitCredentials)
        {
            return explicitCredentials;
        }

        try
        {
            if (profile is not null)
            {
                // Handles static keys, SSO (AWSSDK.SSO/SSOOIDC), assume-role (AWSSDK.SecurityToken) and credential_process.
                return profile.GetAWSCredentials(new CredentialProfileStoreChain());
            }

            return DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
        }
        catch (AmazonClientException e)
        {
            var which = profile is not null ? $"from profile '{profile.Name}'" : "in the environment or the default profile";
            throw new LogSourceException(
                LogSourceFailure.NoCredentials,
                $"No AWS credentials found {which}: set AWS_PROFILE or pass --profile <name>, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (for SSO profiles, run 'aws sso login' first). {e.Message}",
                e);
        }
    }
}
