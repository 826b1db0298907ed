using System.Globalization;

namespace BedrockTrail.Bench;

/// <summary>Command-line options of the benchmark; defaults are what `make bench` measures.</summary>
internal sealed record BenchOptions
{
    public string Work { get; init; } = ".bench";
    public int Events { get; init; } = 1_000_000;
    public int Runs { get; init; } = 3;
    public bool S3 { get; init; } = true;
    public int ResolveSessions { get; init; } = 1_000_000;
    public string? GenerateDemo { get; init; }
    public bool OnlyResolve { get; init; }
    public bool OnlyGenerate { get; init; }

    /// <summary>The command to measure: a native executable (`make publish`) or a dll run by dotnet; default the dll beside the bench.</summary>
    public string? Cli { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--work" => options with { Work = Next() },
                "--events" => options with { Events = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--no-s3" => options with { S3 = false },
                "--resolve-sessions" => options with { ResolveSessions = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--generate-demo" => options with { GenerateDemo = Next() },
                "--only-resolve" => options with { OnlyResolve = true },
                "--only-generate" => options with { OnlyGenerate = true },
                "--cli" => options with { Cli = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}; options: --work DIR --events N --runs K --no-s3 --resolve-sessions N --only-resolve --only-generate --generate-demo DIR --cli PATH"),
            };
        }

        return options;
    }
}
