namespace BedrockTrail.Resolve.IdentityCenter;

/// <summary>
/// Maps Identity Center user ids (as in <c>onBehalfOf.userId</c>, e.g. <c>976710cc5d-9d976f61-…</c>) to user names.
/// CloudTrail gives only the id for IdentityCenterUser callers and identity-enhanced sessions; the directory turns
/// it into a name a responder recognises.
/// </summary>
public sealed class IdentityCenterDirectory
{
    private readonly Dictionary<string, string> _names;

    public IdentityCenterDirectory(IEnumerable<KeyValuePair<string, string>> userNamesById)
    {
        ArgumentNullException.ThrowIfNull(userNamesById);
        _names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, name) in userNamesById)
        {
            if (!string.IsNullOrWhiteSpace(id) && !string.IsNullOrWhiteSpace(name))
            {
                _names[id.Trim()] = name.Trim();
            }
        }
    }

    public static IdentityCenterDirectory Empty { get; } = new([]);

    public int Count => _names.Count;

    /// <summary>The user name for an id, else null.</summary>
    public string? UserName(string? userId) =>
        userId is not null && _names.TryGetValue(userId.Trim(), out var name) ? name : null;

    /// <summary>The user name when mapped, else the id itself (the conventions' "mapped user name, else the user id").</summary>
    public string NameOrId(string userId) => UserName(userId) ?? userId;
}
