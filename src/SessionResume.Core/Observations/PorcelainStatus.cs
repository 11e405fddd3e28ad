using SessionResume.Common;

namespace SessionResume.Observations;

/// <summary>
/// Parses <c>git status --porcelain=v1 -z</c>: entries "XY path" separated by NUL, where X is the
/// index and Y the working tree, and a rename or copy is followed by its source path as one more
/// NUL-separated field. Paths are relative to the repository's top folder, whatever the current folder.
/// </summary>
internal static class PorcelainStatus
{
    public static GitStatus Parse(string porcelainZ, string repoTop, string root)
    {
        var top = SessionPaths.CanonicalRoot(repoTop);
        var sessionRoot = SessionPaths.CanonicalRoot(root);
        if (top is null || sessionRoot is null) return GitStatus.Empty;
        var changes = new SortedDictionary<string, ChangeKind>(StringComparer.Ordinal);

        void Record(string repoPath, ChangeKind? kind)
        {
            if (kind is not { } k || !TryRootRelative(repoPath, top, sessionRoot, out var path)) return;
            // Deleted and present again in one report (git rm --cached, or a rename's source made anew):
            // the file was there before and is there now, so it is modified.
            changes[path] = changes.TryGetValue(path, out var earlier) && earlier != k && earlier != ChangeKind.Modified
                && k != ChangeKind.Modified
                ? ChangeKind.Modified
                : k;
        }

        var fields = porcelainZ.Split('\0');
        for (var i = 0; i < fields.Length; i++)
        {
            var entry = fields[i];
            if (entry.Length < 4 || entry[2] != ' ') continue;   // the empty field after the last NUL, or damage
            char x = entry[0], y = entry[1];
            var path = entry[3..];
            if (IsRenameOrCopy(x) || IsRenameOrCopy(y))
            {
                var source = i + 1 < fields.Length ? fields[++i] : "";
                // The new path exists unless the working tree deleted it since; a rename's source is gone, a copy's stays.
                Record(path, y == 'D' ? null : ChangeKind.Created);
                if (x == 'R' || y == 'R') Record(source, ChangeKind.Deleted);
                continue;
            }
            Record(path, Classify(x, y));
        }

        return new GitStatus(
            changes.Where(c => c.Value == ChangeKind.Created).Select(c => c.Key).ToList(),
            changes.Where(c => c.Value == ChangeKind.Modified).Select(c => c.Key).ToList(),
            changes.Where(c => c.Value == ChangeKind.Deleted).Select(c => c.Key).ToList());
    }

    static bool IsRenameOrCopy(char column) => column is 'R' or 'C';

    /// <summary>Null for what is no change to list (ignored files, a file added and then deleted again).</summary>
    static ChangeKind? Classify(char x, char y)
    {
        // Merge conflicts (DD, AU, UD, UA, DU, AA, UU): the file is being worked on.
        if (x == 'U' || y == 'U' || (x, y) is ('D', 'D') or ('A', 'A')) return ChangeKind.Modified;
        if ((x, y) is ('?', '?')) return ChangeKind.Created;
        if (y == 'D') return x == 'A' ? null : ChangeKind.Deleted;   // the working tree's state is the latest
        if (x == 'D') return ChangeKind.Deleted;
        if (x == 'A' || y == 'A') return ChangeKind.Created;         // " A" is git add --intent-to-add
        if (x is 'M' or 'T' || y is 'M' or 'T') return ChangeKind.Modified;
        return null;                                                  // "!!" and anything newer git may add
    }

    /// <summary>The path relative to the session root; false for the root itself and anything outside it.</summary>
    static bool TryRootRelative(string repoPath, string canonicalTop, string canonicalRoot, out string path)
    {
        path = "";
        if (repoPath.Length == 0) return false;
        var full = PathText.Combine(canonicalTop, repoPath);
        return PathText.TryRelativeTo(full, canonicalRoot, out path) && path != ".";
    }
}
