using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// When two state files describe the same error: the same project and the same fingerprint, where
/// an entry that evolved in place (docs/fingerprints.md) is also known by its earlier fingerprints.
/// </summary>
static class ErrorIdentity
{
    public static bool Same(ErrorEntry a, ErrorEntry b) =>
        a.Project == b.Project && Linked(a.Fingerprint, a.Aliases, b.Fingerprint, b.Aliases);

    public static bool Same(ErrorEntry a, ResolvedError b) =>
        a.Project == (b.Project ?? "") && Linked(a.Fingerprint, a.Aliases, b.Fingerprint, b.Aliases);

    public static bool Same(ResolvedError a, ResolvedError b) =>
        (a.Project ?? "") == (b.Project ?? "") && Linked(a.Fingerprint, a.Aliases, b.Fingerprint, b.Aliases);

    static bool Linked(string a, List<string>? aAliases, string b, List<string>? bAliases) =>
        a == b || (aAliases?.Contains(b) ?? false) || (bAliases?.Contains(a) ?? false);

    /// <summary>The earlier fingerprints of both, without the current one; null when there are none.</summary>
    public static List<string>? Aliases(string current, IEnumerable<string>? a, IEnumerable<string>? b, params string[] more)
    {
        var all = (a ?? []).Concat(b ?? []).Concat(more).Where(f => f != current)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return all.Count == 0 ? null : all;
    }
}
