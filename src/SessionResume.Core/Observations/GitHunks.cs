namespace SessionResume.Observations;

/// <summary>One hunk of a diff: the lines it removed and the lines it added, in order.</summary>
public sealed record DiffHunk(IReadOnlyList<string> Removed, IReadOnlyList<string> Added);

/// <summary>
/// The hunks of one file's change since a commit (<c>git diff -U0</c>), read-only and bounded in time:
/// what tells how an error was fixed, where comparing one line of the file can mistake a line that
/// moved for the fix.
/// </summary>
public static class GitHunks
{
    /// <summary>The hunks, or an empty list when git fails or nothing changed.</summary>
    public static IReadOnlyList<DiffHunk> Read(string root, string baseCommit, string sessionPath)
    {
        if (sessionPath.StartsWith('{')) return [];
        var run = GitProcess.Run("git", root,
            ["-c", "core.quotepath=off", "diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", baseCommit, "--", sessionPath],
            GitFileChanges.DefaultTimeout);
        return run.Succeeded ? Parse(run.Output) : [];
    }

    public static IReadOnlyList<DiffHunk> Parse(string diff)
    {
        var hunks = new List<DiffHunk>();
        List<string>? removed = null, added = null;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                if (removed is not null) hunks.Add(new DiffHunk(removed, added!));
                (removed, added) = ([], []);
            }
            else if (removed is null || added is null) continue;   // the header, before the first hunk
            else if (line.StartsWith('-')) removed.Add(line[1..]);
            else if (line.StartsWith('+')) added.Add(line[1..]);
        }
        if (removed is not null) hunks.Add(new DiffHunk(removed, added!));
        return hunks;
    }
}
