namespace SessionResume.Common;

/// <summary>
/// Purely textual path handling. A state file made on Windows is read on Linux and the other way
/// round, and a SARIF log may be copied between machines, so "C:\repo\src\Foo.cs" must relativise
/// on Linux exactly as it would on Windows: nothing here asks the host file system or
/// <see cref="Path.GetFullPath(string)"/>.
/// </summary>
internal static class PathText
{
    /// <summary>file:///C:/a%20b/x.cs -> C:/a b/x.cs, file:///home/x -> /home/x, file://server/share/x -> //server/share/x.</summary>
    public static string DecodeFileUri(string path)
    {
        if (!path.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return path;
        var rest = path["file:".Length..].Replace('\\', '/');
        if (rest.StartsWith("///", StringComparison.Ordinal)) rest = rest[2..];
        else if (rest.StartsWith("//localhost/", StringComparison.OrdinalIgnoreCase)) rest = rest["//localhost".Length..];
        // Anything else after "//" is a host name: a UNC share, which keeps its leading "//".
        rest = Uri.UnescapeDataString(rest);
        // "/C:/x" and the old "/C|/x" spelling are drive paths, not rooted Unix paths.
        if (rest.Length >= 3 && rest[0] == '/' && char.IsAsciiLetter(rest[1]) && (rest[2] == ':' || rest[2] == '|'))
            rest = $"{rest[1]}:{rest[3..]}";
        return rest;
    }

    public static bool IsAbsolute(string path) => SplitRoot(path.Replace('\\', '/')).Root.Length > 0;

    /// <summary>'/' separators, no "." segments, ".." resolved, no doubled or trailing separators.</summary>
    public static string Canonical(string path)
    {
        var (root, rest) = SplitRoot(path.Replace('\\', '/'));
        var segments = new List<string>();
        foreach (var segment in rest.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (segments.Count > 0 && segments[^1] != "..") segments.RemoveAt(segments.Count - 1);
                else if (root.Length == 0) segments.Add(segment);   // "../x" stays relative; above a root there is nothing
                continue;
            }
            segments.Add(segment);
        }
        return root + string.Join('/', segments);
    }

    /// <summary>A relative path put under an absolute one, canonicalised.</summary>
    public static string Combine(string absoluteBase, string relative) => Canonical(absoluteBase + "/" + relative);

    /// <summary>
    /// The part of <paramref name="canonicalPath"/> below <paramref name="canonicalRoot"/>, comparing the
    /// root case-insensitively (Windows and macOS disks are, and the casing of a root differs between the
    /// tools that report it). "." when the path is the root itself.
    /// </summary>
    public static bool TryRelativeTo(string canonicalPath, string canonicalRoot, out string relative)
    {
        relative = "";
        if (string.Equals(canonicalPath, canonicalRoot, StringComparison.OrdinalIgnoreCase))
        {
            relative = ".";
            return true;
        }
        var prefix = canonicalRoot.EndsWith('/') ? canonicalRoot : canonicalRoot + "/";
        if (!canonicalPath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        relative = canonicalPath[prefix.Length..];
        return true;
    }

    public static string FileName(string canonicalPath) => canonicalPath[(canonicalPath.LastIndexOf('/') + 1)..];

    /// <summary>
    /// Splits "C:/a", "/a", "//server/share/a" into the root ("C:/", "/", "//server/share/") and the rest;
    /// the root is empty for a relative path. Windows' "//?/" and "//./" device prefixes are dropped.
    /// </summary>
    static (string Root, string Remainder) SplitRoot(string path)
    {
        if (path.StartsWith("//?/", StringComparison.Ordinal) || path.StartsWith("//./", StringComparison.Ordinal))
        {
            path = path[4..];
            if (path.StartsWith("UNC/", StringComparison.OrdinalIgnoreCase)) path = "//" + path[4..];
        }
        if (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
            return ($"{path[0]}:/", path[2..]);
        if (path.StartsWith("//", StringComparison.Ordinal) && path.Length > 2 && path[2] != '/')
        {
            var parts = path[2..].Split('/', 3);
            return parts.Length switch
            {
                1 => ($"//{parts[0]}/", ""),
                2 => ($"//{parts[0]}/{parts[1]}/", ""),
                _ => ($"//{parts[0]}/{parts[1]}/", parts[2]),
            };
        }
        if (path.StartsWith('/')) return ("/", path);
        return ("", path);
    }
}
