using System.Text;

namespace BedrockTrail.Bench;

/// <summary>The printed table: figure, measured value, target.</summary>
internal sealed class BenchReport
{
    private readonly List<(string Figure, string Value, string Target)> _rows = [];

    public void Add(string figure, string value, string target) => _rows.Add((figure, value, target));

    public string Render(string title)
    {
        var w1 = _rows.Max(r => r.Figure.Length);
        var w2 = _rows.Max(r => r.Value.Length);
        var text = new StringBuilder().AppendLine(title).AppendLine();
        text.AppendLine($"{"figure".PadRight(w1)}  {"measured".PadRight(w2)}  target");
        foreach (var (figure, value, target) in _rows)
        {
            text.AppendLine($"{figure.PadRight(w1)}  {value.PadRight(w2)}  {target}".TrimEnd());
        }

        return text.ToString();
    }
}
