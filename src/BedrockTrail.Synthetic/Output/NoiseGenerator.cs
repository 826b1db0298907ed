using System.Text.Json;
using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.Scenarios;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Output;

/// <summary>
/// Writes ordinary events straight into a log file: the planted sessions doing non-Bedrock work, service-linked
/// roles, and AWS services acting on their own. Never a Bedrock or credential-issuing event.
/// </summary>
internal sealed class NoiseGenerator
{
    private readonly SyntheticWorld _world;
    private readonly CorpusPlan _plan;

    public NoiseGenerator(SyntheticWorld world, CorpusPlan plan)
    {
        _world = world;
        _plan = plan;
    }

    public DateTimeOffset Write(Utf8JsonWriter writer, SeededRandom rng, string account, string region, DateTimeOffset windowStart)
    {
        var time = windowStart.AddSeconds(rng.Next(300));
        var action = NoiseCatalog.Actions[rng.Next(NoiseCatalog.Actions.Length)];
        if (action.Global && region != "us-east-1")
        {
            // IAM is a global service: its events land in us-east-1 only.
            action = NoiseCatalog.Actions[0];
        }

        var roll = rng.Next(10);
        var actor = roll < 5 ? ActiveActor(rng, account, time) : null;
        CallerIdentity caller;
        string ip;
        string agent;
        string? host = action.Host(region);
        if (actor is not null)
        {
            caller = actor.Caller;
            ip = actor.SourceIp;
            agent = actor.UserAgent;
        }
        else if (roll < 8)
        {
            var (role, session, service) = NoiseCatalog.ServiceLinked[rng.Next(NoiseCatalog.ServiceLinked.Length)];
            var day = new DateTimeOffset(time.UtcDateTime.Date, TimeSpan.Zero);
            var issuer = _world.Role(account, role, "/aws-service-role/" + service + "/");
            var key = AwsIds.SessionKey(SeededRandom.Derive(_world.Options.Seed, 12, SyntheticWorld.StableHash(account + role), day.Ticks));
            caller = new CallerIdentity
            {
                Type = "AssumedRole",
                PrincipalId = issuer.PrincipalId + ":" + session,
                Arn = issuer.SessionArn(session),
                AccountId = account,
                AccessKeyId = key,
                SessionIssuer = issuer,
                CreationDate = day,
                InvokedBy = service,
            };
            ip = service;
            agent = service;
            host = null;
        }
        else
        {
            var service = NoiseCatalog.Services[rng.Next(NoiseCatalog.Services.Length)];
            caller = CallerIdentity.AwsService(service);
            ip = service;
            agent = service;
            host = null;
            action = NoiseCatalog.Actions[6]; // kms Decrypt, the classic service-initiated call
        }

        TrailEventWriter.Write(writer, new TrailEvent
        {
            UserIdentity = caller,
            EventTime = time,
            EventSource = action.Source,
            EventName = action.Name,
            AwsRegion = action.Global ? "us-east-1" : region,
            SourceIp = ip,
            UserAgent = agent,
            RequestParameters = action.Parameters(rng, account, region),
            RequestId = AwsIds.Uuid(rng),
            EventId = AwsIds.Uuid(rng),
            ReadOnly = action.ReadOnly,
            RecipientAccountId = account,
            Host = host,
        });
        return time;
    }

    private SessionActor? ActiveActor(SeededRandom rng, string account, DateTimeOffset time)
    {
        var actors = _plan.ActorsIn(account);
        for (var attempt = 0; attempt < 3 && actors.Count > 0; attempt++)
        {
            var actor = actors[rng.Next(actors.Count)];
            if (actor.ValidFrom <= time && time < actor.ValidTo)
            {
                return actor;
            }
        }

        return null;
    }
}
