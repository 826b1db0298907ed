using System.Globalization;
using System.Text;
using BedrockTrail.Cli.Pipeline;

namespace BedrockTrail.Cli.Console;

/// <summary>The words and figures people see about an ingest run. Pure: tests compare the text.</summary>
internal static class SummaryText
{
    public static string ProgressLine(IngestSummary s, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"ingest: {s.ObjectsRead:N0} objects read ({s.ObjectsUnchanged:N0} unchanged), {Megabytes(s.RawBytes)} MB, {s.RecordsScanned:N0} events ({s.RecordsScanned / seconds:N0}/s)");
    }

    public static string Render(IngestSummary s)
    {
        var text = new StringBuilder();
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 0.001);
        void Line(string label, string value) => text.Append("  ").Append(label.PadRight(28)).AppendLine(value);
        text.AppendLine(CultureInfo.InvariantCulture, $"ingest run {s.RunId} finished in {s.Elapsed.TotalSeconds:N1} s");
        Line("objects listed", N(s.ObjectsListed));
        Line("objects read", $"{N(s.ObjectsRead)} ({Megabytes(s.RawBytes)} MB gzipped, {Megabytes(s.DecompressedBytes)} MB of JSON)");
        Line("already in the lake", N(s.ObjectsUnchanged));
        Line("skipped (not logs)", s.SkippedTotal == 0 ? "0" : $"{N(s.SkippedTotal)} ({string.Join(", ", s.ObjectsSkipped.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {N(k.Value)}"))})");
        Line("events scanned", string.Create(CultureInfo.InvariantCulture, $"{N(s.RecordsScanned)} ({s.RecordsScanned / seconds:N0} events/s)"));
        Line("rows written", $"bedrock_calls {N(s.BedrockCallsWritten)}, credential_events {N(s.CredentialEventsWritten)}, invocation_logs {N(s.InvocationLogsWritten)}");
        Line("duplicates dropped", N(s.DuplicatesDropped));
        if (s.OutsideFilter > 0)
        {
            Line("outside the filters", N(s.OutsideFilter));
        }

        Line("quarantined", $"{N(s.ObjectsQuarantined)} objects, {N(s.RecordsQuarantined)} records");
        Line("failed (retried next run)", N(s.ObjectsFailed));
        if (s.RemovedOnRecovery > 0)
        {
            Line("recovered", $"{N(s.RemovedOnRecovery)} files of an interrupted run removed; their objects were read again");
        }

        if (s.SessionsResolved is { } sessions)
        {
            Line("sessions resolved", N(sessions));
        }

        Line("peak memory", Megabytes(s.PeakMemoryBytes) + " MB");

        if (s.HadProblems)
        {
            text.AppendLine("  Some input could not be ingested: see `bedrocktrail query --lake <dir> \"SELECT * FROM quarantine\"`.");
        }

        return text.ToString();
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("N1", CultureInfo.InvariantCulture);
}
