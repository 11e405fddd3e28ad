namespace SessionResume.Common;

/// <summary>Paths as the package prints them: relative to the session root, with '/'.</summary>
internal static class DisplayPath
{
    /// <summary>Root-relative with '/' when the path lies under the root; otherwise the full path, still with '/'.</summary>
    public static string Of(string path, string? root)
    {
        var full = Path.GetFullPath(path);
        if (root is not null)
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(root), full);
            if (relative != "." && !IsAbove(relative) && !Path.IsPathRooted(relative)) return Slashes(relative);
        }
        return Slashes(full);
    }

    /// <summary>A directory, written with a trailing '/' so it reads as one (".session-history/").</summary>
    public static string OfDirectory(string directory, string? root) => Of(directory, root).TrimEnd('/') + "/";

    static bool IsAbove(string relative) =>
        relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relative.StartsWith("../", StringComparison.Ordinal);

    static string Slashes(string path) => path.Replace('\\', '/');
}
