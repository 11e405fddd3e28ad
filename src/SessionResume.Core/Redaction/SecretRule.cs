using System.Text.RegularExpressions;

namespace SessionResume.Redaction;

/// <summary>
/// One kind of secret: a pattern, the literal anchors without which the pattern cannot match, and
/// how a match is replaced. A pattern that names a group "value" keeps the rest of its match (the
/// "Password=" or "api_key=" in front, the quotes around), so a reader still sees what was there.
/// </summary>
internal sealed class SecretRule
{
    public SecretRule(string kind, Regex pattern, StringComparison anchorComparison, params string[] anchors)
    {
        Kind = kind;
        Pattern = pattern;
        AnchorComparison = anchorComparison;
        Anchors = anchors;
        Evaluator = Replace;
    }

    public string Kind { get; }
    public Regex Pattern { get; }
    public IReadOnlyList<string> Anchors { get; }
    public StringComparison AnchorComparison { get; }
    public MatchEvaluator Evaluator { get; }

    /// <summary>For rules whose kind depends on the match (a "password" assignment is not an "api-key" one).</summary>
    public Func<Match, string>? KindOf { get; init; }

    /// <summary>
    /// The cheap test that runs before the pattern. Every message of every build passes through here
    /// and almost none holds a secret: a few vectorised substring searches are much cheaper than
    /// starting a dozen regex scans, most of which would begin at every letter.
    /// </summary>
    public bool MayMatch(string text)
    {
        foreach (var anchor in Anchors)
            if (text.Contains(anchor, AnchorComparison)) return true;
        return false;
    }

    public static string Marker(string kind) => "[REDACTED:" + kind + "]";

    string Replace(Match match)
    {
        var marker = Marker(KindOf?.Invoke(match) ?? Kind);
        var value = match.Groups["value"];
        if (!value.Success) return marker;
        var start = value.Index - match.Index;
        return string.Concat(match.ValueSpan[..start], marker, match.ValueSpan[(start + value.Length)..]);
    }
}
