using SessionResume.Common;

namespace SessionResume.Merge;

/// <summary>
/// The package's own files as <see cref="FileChangeMerge.Apply"/> excludes them: the state file (its
/// .lock, .tmp-* and .corrupt-* siblings follow from it), the history folder and token-cache/.
/// </summary>
public static class OwnPaths
{
    public const string TokenCacheFolder = "token-cache/";

    /// <param name="root">The session root.</param>
    /// <param name="stateFile">The state file, relative to the root or absolute.</param>
    /// <param name="historyDirectory">The history folder, relative to the root or absolute.</param>
    public static IReadOnlyList<string> For(string root, string stateFile, string historyDirectory)
    {
        var own = new List<string>();
        if (Inside(stateFile, root) is { } state) own.Add(state);
        if (Inside(historyDirectory, root) is { } history) own.Add(history + "/");
        own.Add(TokenCacheFolder);
        return own;
    }

    // A path outside the root never shows up in the root's git status, so it needs no exclusion.
    static string? Inside(string path, string root)
    {
        var relative = SessionPaths.ToSessionPath(path, root);
        return relative.Length == 0 || relative == "." || relative.StartsWith(SessionPaths.ExternalPrefix, StringComparison.Ordinal)
            ? null
            : relative;
    }
}
