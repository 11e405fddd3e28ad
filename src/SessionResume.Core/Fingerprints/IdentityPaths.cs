using SessionResume.Common;

namespace SessionResume.Fingerprints;

/// <summary>Paths as they enter a fingerprint: what the state file shows, minus what identity ignores.</summary>
internal static class IdentityPaths
{
    /// <summary>
    /// The path as it enters a fingerprint: the session path, plus what only identity ignores: temp
    /// folders outside the root become "{tmp}/file-name" and obj|bin/&lt;config&gt;/&lt;tfm&gt;/ become placeholders.
    /// </summary>
    public static string For(string path, string sessionRoot)
    {
        if (string.IsNullOrWhiteSpace(path)) return "";
        var decoded = PathText.Canonical(PathText.DecodeFileUri(path.Trim()));
        if (PathText.IsAbsolute(decoded) && !SessionPaths.IsUnderRoot(decoded, sessionRoot) && TempPaths.IsTemp(decoded))
            return "{tmp}/" + PathText.FileName(decoded);
        return BuildOutputPaths.WithPlaceholders(SessionPaths.ToSessionPath(path, sessionRoot));
    }
}
