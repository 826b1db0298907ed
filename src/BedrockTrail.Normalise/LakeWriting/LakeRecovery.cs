using BedrockTrail.Lake;

namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>
/// Puts a lake back to its last committed state before a run writes to it. A run commits by writing its ledger file
/// last; data files of a run without a ledger file (killed part way) are removed, so the objects they came from are
/// read again and nothing is counted twice.
/// </summary>
internal static class LakeRecovery
{
    public static int RemoveUncommitted(LakeLayout lake)
    {
        if (!Directory.Exists(lake.Root))
        {
            return 0;
        }

        var committed = CommittedRuns(lake);
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(lake.Root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            var pending = name.EndsWith(LakeLayout.PendingSuffix, StringComparison.Ordinal);
            var runId = LakeLayout.RunIdOf(name);
            var orphan = name.StartsWith("part-", StringComparison.Ordinal) && runId is not null && !committed.Contains(runId);
            var orphanQuarantine = file.StartsWith(lake.QuarantineFolder, StringComparison.Ordinal) && runId is not null && !committed.Contains(runId);
            if (pending || orphan || orphanQuarantine)
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    public static HashSet<string> CommittedRuns(LakeLayout lake)
    {
        var runs = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(lake.IngestedFolder))
        {
            return runs;
        }

        foreach (var file in Directory.EnumerateFiles(lake.IngestedFolder, "*" + LakeLayout.DataFileExtension))
        {
            if (LakeLayout.RunIdOf(Path.GetFileName(file)) is { } runId)
            {
                runs.Add(runId);
            }
        }

        return runs;
    }
}
