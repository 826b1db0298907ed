namespace BedrockTrail.Resolve.IdentityCenter;

/// <summary>The directory read from CSV, with the lines that could not be used and why.</summary>
public sealed record IdentityCenterDirectoryLoad(IdentityCenterDirectory Directory, IReadOnlyList<string> Rejected);

/// <summary>
/// Loads <see cref="IdentityCenterDirectory"/> from a CSV file <c>user_id,user_name</c> (header optional, e.g. the
/// output of <c>aws identitystore list-users</c> flattened). Bad lines are reported, not thrown.
/// </summary>
public static class IdentityCenterDirectoryCsv
{
    public static IdentityCenterDirectoryLoad Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pairs = new List<KeyValuePair<string, string>>();
        var rejected = new List<string>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = SplitLine(line);
            if (fields.Count < 2 || fields[0].Length == 0 || fields[1].Length == 0)
            {
                rejected.Add($"line {lineNumber}: expected user_id,user_name");
                continue;
            }

            if (lineNumber == 1 && fields[0].Equals("user_id", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            pairs.Add(new(fields[0], fields[1]));
        }

        return new IdentityCenterDirectoryLoad(new IdentityCenterDirectory(pairs), rejected);
    }

    public static async Task<IdentityCenterDirectoryLoad> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        using var reader = new StringReader(text);
        return Parse(reader);
    }

    // Minimal CSV: commas, optional double quotes with "" escapes. User names are e-mails; quotes are rare.
    private static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().Trim());
        return fields;
    }
}
