using SessionResume.Fingerprints;
using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// Finds the error a person names in SessionResolution: the full fingerprint, the printed form
/// "CS0029-0123456789ab" (the code must then be the error's) or a prefix of 8+ hex digits. An
/// error's current fingerprint is preferred over the older ones kept as aliases, so a prefix that
/// names one error directly and another through an alias is not ambiguous.
/// </summary>
static class ErrorLookup
{
    public const int MaxCloseMatches = 5;

    /// <summary>The fingerprint of the one error named, or the message saying why there is none.</summary>
    public sealed record Result(string? Fingerprint, string? Error);

    public static Result Find(ErrorSection errors, string typed, string property)
    {
        var (code, hex) = Split(typed);
        var known = KnownError.In(errors)
            .Where(k => code is null || string.Equals(k.Code, code, StringComparison.OrdinalIgnoreCase)).ToList();
        if (!IsHex(hex) || hex.Length < Fingerprint.MinimumPrefixLength)
            return new(null, $"{property} '{typed}' is not a fingerprint: give the printed form (CS0029-0123456789ab), " +
                             $"the full fingerprint or at least {Fingerprint.MinimumPrefixLength} of its hex digits. " +
                             $"{CloseMatches(errors, code, hex)}");

        foreach (var matches in new[]
                 {
                     known.Where(k => Fingerprint.MatchesPrefix(hex, k.Fingerprint)).ToList(),
                     known.Where(k => k.Aliases.Any(a => Fingerprint.MatchesPrefix(hex, a))).ToList(),
                 })
        {
            // One problem may be listed twice (unresolved again after a resolution, or in two projects).
            var problems = matches.DistinctBy(k => k.Fingerprint).ToList();
            if (problems.Count == 1) return new(problems[0].Fingerprint, null);
            if (problems.Count > 1)
                return new(null, $"{property} '{typed}' names {problems.Count} errors; give more hex digits:" +
                                 string.Concat(Ordered(matches).Select(k => "\n  " + k.Label)));
        }
        return new(null, $"{property} '{typed}': no error has this fingerprint. {CloseMatches(errors, code, hex)}");
    }

    /// <summary>"CS0029-0123456789ab" into its code and hex digits; a bare fingerprint has no code.</summary>
    static (string? Code, string Hex) Split(string typed)
    {
        var text = typed.Trim();
        var dash = text.LastIndexOf('-');
        return dash > 0 ? (text[..dash], text[(dash + 1)..]) : (null, text[(dash + 1)..]);
    }

    static bool IsHex(string text) => text.All(Uri.IsHexDigit);

    /// <summary>The errors a typo most likely meant: the longest shared leading digits, then the same code.</summary>
    static string CloseMatches(ErrorSection errors, string? code, string hex)
    {
        var close = KnownError.In(errors)
            .Select(k => (Known: k, Shared: new[] { k.Fingerprint }.Concat(k.Aliases).Max(f => SharedPrefix(hex, f)),
                          SameCode: code is not null && string.Equals(k.Code, code, StringComparison.OrdinalIgnoreCase)))
            .Where(c => c.Shared > 0 || c.SameCode)
            .OrderByDescending(c => c.Shared).ThenByDescending(c => c.SameCode).ThenBy(c => c.Known.Resolved)
            .ThenBy(c => c.Known.Fingerprint, StringComparer.Ordinal)
            .Select(c => c.Known)
            .DistinctBy(k => (k.Fingerprint, k.Resolved))
            .Take(MaxCloseMatches)
            .ToList();
        return close.Count == 0
            ? "There are no close matches."
            : "Close matches:" + string.Concat(close.Select(k => "\n  " + k.Label));
    }

    static int SharedPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && char.ToLowerInvariant(a[n]) == char.ToLowerInvariant(b[n])) n++;
        return n;
    }

    static IEnumerable<KnownError> Ordered(IEnumerable<KnownError> known) =>
        known.DistinctBy(k => (k.Fingerprint, k.Resolved)).OrderBy(k => k.Fingerprint, StringComparer.Ordinal).ThenBy(k => k.Resolved);
}
