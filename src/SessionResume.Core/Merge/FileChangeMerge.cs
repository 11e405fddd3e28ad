using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Folds one git report into the session's <c>files</c> section. The section accumulates: a file
/// committed during the session no longer shows in git status but was still changed in it, so it
/// stays; a file git reports again moves to the list of its latest status.
/// </summary>
public static class FileChangeMerge
{
    public const int MaxPerList = 200;

    /// <param name="ownPaths">
    /// Root-relative paths to leave out (each with its "." siblings: "x.json" also drops "x.json.lock"),
    /// or folder prefixes ending in '/'. See <see cref="OwnPaths.For"/>.
    /// </param>
    /// <returns>Whether <paramref name="files"/> changed, so a caller can skip writing an identical state.</returns>
    public static bool Apply(FileChanges files, GitStatus status, IReadOnlyCollection<string> ownPaths)
    {
        // A path a person put in two lists ends up in one; created, the most telling, is read last and wins.
        var kinds = new Dictionary<string, ChangeKind>(StringComparer.Ordinal);
        foreach (var path in files.Deleted) kinds[path] = ChangeKind.Deleted;
        foreach (var path in files.Modified) kinds[path] = ChangeKind.Modified;
        foreach (var path in files.Created) kinds[path] = ChangeKind.Created;

        var reported = new HashSet<string>(StringComparer.Ordinal);
        void Report(IEnumerable<string> paths, ChangeKind kind)
        {
            foreach (var path in paths)
            {
                kinds[path] = kind;
                reported.Add(path);
            }
        }
        Report(status.Created, ChangeKind.Created);
        Report(status.Modified, ChangeKind.Modified);
        Report(status.Deleted, ChangeKind.Deleted);

        var own = new OwnPathFilter(ownPaths);
        var kept = kinds.Where(k => k.Key.Length > 0 && !own.Matches(k.Key)).ToList();
        var created = Capped(kept, ChangeKind.Created, reported, out var createdLeftOut);
        var modified = Capped(kept, ChangeKind.Modified, reported, out var modifiedLeftOut);
        var deleted = Capped(kept, ChangeKind.Deleted, reported, out var deletedLeftOut);
        // The files left out earlier are not known by name, so the count cannot be recomputed; it never
        // shrinks, and the same report applied twice leaves it as it was.
        var omitted = Math.Max(files.Omitted, createdLeftOut + modifiedLeftOut + deletedLeftOut);

        var changed = !created.SequenceEqual(files.Created, StringComparer.Ordinal)
            || !modified.SequenceEqual(files.Modified, StringComparer.Ordinal)
            || !deleted.SequenceEqual(files.Deleted, StringComparer.Ordinal)
            || omitted != files.Omitted;
        (files.Created, files.Modified, files.Deleted, files.Omitted) = (created, modified, deleted, omitted);
        return changed;
    }

    /// <summary>
    /// The paths of one kind, sorted, at most <see cref="MaxPerList"/>. Over the cap, what git reports
    /// now is kept before what it reported earlier: the work in progress matters most to whoever resumes.
    /// </summary>
    static List<string> Capped(List<KeyValuePair<string, ChangeKind>> all, ChangeKind kind, HashSet<string> reported, out int leftOut)
    {
        var paths = all.Where(p => p.Value == kind).Select(p => p.Key).ToList();
        leftOut = Math.Max(0, paths.Count - MaxPerList);
        if (leftOut > 0)
            paths = paths.OrderBy(p => reported.Contains(p) ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal).Take(MaxPerList).ToList();
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }
}
