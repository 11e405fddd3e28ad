
namespace SessionResume.Store;

/// <summary>
/// On the first write in a git repository, the root .gitignore gets one clearly marked block that
/// ignores the package's files. The marker makes it idempotent; removing the block's lines is the
/// user's business (and SessionResumeManageGitIgnore=false stops it altogether).
/// </summary>
public static class GitIgnoreBlock
{
    public const string StartMarker = "# >>> SessionResume.Build (session state, history and summaries; see its README)";
    const string EndMarker = "# <<< SessionResume.Build";

    public static readonly string[] Patterns =
    [
        "/.session-state.json",
        "/.session-state.json.*",
        "/.session-history/",
        "/token-cache/",
    ];

    /// <summary>Adds the block unless it is there. Returns true when the file was changed.</summary>
    public static bool Ensure(string root)
    {
        var path = Path.Combine(root, ".gitignore");
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        if (existing.Contains(StartMarker, StringComparison.Ordinal)) return false;
        // The file's own line ends (CRLF in many Windows repositories), so git sees no mixed endings.
        var newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : newline;
        var block = string.Join(newline, [StartMarker, .. Patterns, EndMarker]) + newline;
        File.AppendAllText(path, separator + (existing.Length > 0 ? newline : "") + block);
        return true;
    }
}
