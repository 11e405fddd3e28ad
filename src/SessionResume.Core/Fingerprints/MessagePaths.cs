using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using SessionResume.Common;

namespace SessionResume.Fingerprints;

/// <summary>
/// Absolute paths inside a message: under the session root they become relative, temporary ones
/// "{tmp}", any other "{ext}/file-name". "Source file 'C:\Users\a\repo\src\Foo.cs' could not be found"
/// must fingerprint the same on every machine and every clone.
/// </summary>
internal static partial class MessagePaths
{
    public const string TempPlaceholder = "{tmp}";

    public static string Replace(string text, string sessionRoot)
    {
        var root = SessionPaths.CanonicalRoot(sessionRoot);
        // file:// URIs first: once decoded they may hold spaces that the plain-path pattern stops at.
        text = FileUri().Replace(text, m => Map(PathText.DecodeFileUri(m.Value), root));
        // A bare drive or "/" as the root would turn every lone slash into a path; the general pattern
        // below relativises real paths under such a root anyway.
        if (root is not null && PathText.FileName(root).Length > 0) text = ReplaceRootOccurrences(text, root);
        return AbsolutePath().Replace(text, m =>
        {
            var path = m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["plain"].Value;
            // A sentence may end right after a path: "Could not find /tmp/x/a.txt."
            var trailing = m.Groups["plain"].Success ? path.Length - path.TrimEnd('.').Length : 0;
            return Map(path[..^trailing], root) + path[^trailing..];
        });
    }

    static string Map(string path, string? root)
    {
        var canonical = PathText.Canonical(path);
        if (root is not null && PathText.TryRelativeTo(canonical, root, out var relative)) return relative;
        if (TempPaths.IsTemp(canonical)) return TempPlaceholder;
        return SessionPaths.ExternalPrefix + PathText.FileName(canonical);
    }

    /// <summary>
    /// The root is matched as text (either separator, any case) so that a root holding spaces
    /// ("C:\Users\John Smith\repo") is found even where the path is not quoted.
    /// </summary>
    static string ReplaceRootOccurrences(string text, string root)
    {
        var pattern = RootPattern(root);
        var matches = pattern.Matches(text);
        if (matches.Count == 0) return text;
        var result = new StringBuilder(text.Length);
        var copied = 0;
        foreach (Match m in matches)
        {
            if (m.Index < copied) continue;
            var end = PathEnd(text, m.Index, m.Index + m.Length);
            result.Append(text, copied, m.Index - copied);
            var rest = PathText.Canonical(text[(m.Index + m.Length)..end].TrimStart('/', '\\'));
            result.Append(rest.Length == 0 ? "." : rest);
            copied = end;
        }
        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// Where a path that starts at <paramref name="start"/> ends: the closing quote if it is quoted, else
    /// the first character no path holds.
    /// </summary>
    static int PathEnd(string text, int start, int afterRoot)
    {
        var quote = start > 0 ? text[start - 1] : '\0';
        if (quote is '\'' or '"' or '`')
        {
            var close = text.IndexOfAny([quote, '\n'], afterRoot);
            if (close >= 0 && text[close] == quote) return close;
        }
        var end = afterRoot;
        while (end < text.Length && !IsPlainPathStop(text[end])) end++;
        while (end > afterRoot && text[end - 1] == '.') end--;
        return end;
    }

    static bool IsPlainPathStop(char c) => char.IsWhiteSpace(c) || "'\"`<>|:*?,;()[]".Contains(c);

    static readonly ConcurrentDictionary<string, Regex> RootPatterns = new(StringComparer.Ordinal);

    static Regex RootPattern(string canonicalRoot)
    {
        if (RootPatterns.Count > 32) RootPatterns.Clear();   // one root per process in practice; never grow without bound
        return RootPatterns.GetOrAdd(canonicalRoot, root =>
        {
            var segments = root.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
            var leading = root.StartsWith("//", StringComparison.Ordinal) ? @"[\\/]{2}" : root.StartsWith('/') ? @"[\\/]" : "";
            // Not inside a longer path ("/mnt/home/a/repo") and not a prefix of a longer name ("repository").
            var body = leading + string.Join(@"[\\/]+", segments);
            return new Regex(@"(?<![\w.\\/])" + body + @"(?=[\\/]|[\s'""`<>|:*?,;()\[\]]|$)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        });
    }

    [GeneratedRegex(@"\bfile:/{1,3}[^\s'""`<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileUri();

    // Quoted paths may hold spaces; unquoted ones end at the first character a path rarely holds. A Unix
    // path needs two segments so that operators ('/', '/='), command-line switches (/p:X=1) and "and/or"
    // stay text.
    [GeneratedRegex("""
        (?<=['"`])(?<quoted>(?:[A-Za-z]:[\\/]|[\\/]{2}[^\s\\/'"`]|/[^\s/'"`]+/)[^'"`\r\n]*)(?=['"`])
        |(?<![\w.\\/:<>~\-])(?<plain>(?:[A-Za-z]:[\\/]|[\\/]{2}(?=[^\s\\/])|/(?=[^\s/'"`<>|:*?,;()\[\]]+/[^\s/]))[^\s'"`<>|:*?,;()\[\]]*)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex AbsolutePath();
}
