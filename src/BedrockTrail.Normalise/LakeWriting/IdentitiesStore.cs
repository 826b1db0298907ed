using BedrockTrail.Lake;
using BedrockTrail.Lake.Schema;

namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>The identities table is derived data: each resolution replaces it whole, atomically.</summary>
public static class IdentitiesStore
{
    public static Task WriteAsync(LakeLayout lake, IReadOnlyList<IdentityRow> rows, CancellationToken cancellationToken) =>
        LakeFiles.WriteAtomicallyAsync(lake.IdentitiesFile, LakeTables.Identities, rows, cancellationToken);
}
