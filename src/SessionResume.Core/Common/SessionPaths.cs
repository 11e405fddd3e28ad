namespace SessionResume.Common;

/// <summary>
/// Paths as the state file stores them: relative to the session root with '/' separators and never
/// absolute, so a file written in CI reads correctly on a laptop and on another OS.
/// </summary>
public static class SessionPaths
{
    /// <summary>What a path outside the session root becomes: this prefix plus its file name.</summary>
    public const string ExternalPrefix = "{ext}/";

    /// <summary>
    /// Decodes file:// URIs, turns '\' into '/', makes the path relative to the session root (the root
    /// compared case-insensitively) and replaces anything outside the root by "{ext}/file-name".
    /// A relative input is taken as relative to the session root.
    /// </summary>
    public static string ToSessionPath(string path, string sessionRoot)
    {
        if (string.IsNullOrWhiteSpace(path)) return "";
        var decoded = PathText.DecodeFileUri(path.Trim());
        if (decoded.Contains("://", StringComparison.Ordinal)) return External(decoded);   // http: and the like
        var canonical = PathText.Canonical(decoded);
        var root = CanonicalRoot(sessionRoot);

        if (!PathText.IsAbsolute(canonical))
        {
            if (root is null) return IsAboveStart(canonical) ? External(canonical) : canonical;
            canonical = PathText.Combine(root, canonical);
        }
        return root is not null && PathText.TryRelativeTo(canonical, root, out var relative) ? relative : External(canonical);
    }

    /// <summary>The root in canonical form; a relative root is resolved against the current directory.</summary>
    internal static string? CanonicalRoot(string? sessionRoot)
    {
        if (string.IsNullOrWhiteSpace(sessionRoot)) return null;
        var decoded = PathText.DecodeFileUri(sessionRoot.Trim());
        return PathText.IsAbsolute(decoded) ? PathText.Canonical(decoded) : PathText.Canonical(Path.GetFullPath(decoded));
    }

    internal static bool IsUnderRoot(string canonicalPath, string sessionRoot)
    {
        var root = CanonicalRoot(sessionRoot);
        return root is not null && PathText.TryRelativeTo(canonicalPath, root, out _);
    }

    static bool IsAboveStart(string canonicalRelative) =>
        canonicalRelative == ".." || canonicalRelative.StartsWith("../", StringComparison.Ordinal);

    // A bare root ("/", "C:/") has no file name and becomes just "{ext}/"; a drive or host never leaks out.
    static string External(string path) => ExternalPrefix + PathText.FileName(path.Replace('\\', '/'));
}
