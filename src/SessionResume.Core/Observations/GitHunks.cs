namespace SessionResume.Observations;

/// <summary>One hunk of a diff: the lines it removed and the lines it added, in order.</summary>
public sealed record DiffHunk(IReadOnlyList<string> Removed, IReadOnlyList<string> Added);

/// <summary>A file's change since a commit: its hunks, and whether git tracks it there and finds no change at all.</summary>
public sealed record FileDiff(IReadOnlyList<DiffHunk> Hunks, bool SameAsBase)
{
    public static FileDiff None { get; } = new([], false);
}

/// <summary>
/// The hunks of one file's change since a commit (<c>git diff -U0</c>), read-only and bounded in time:
/// what tells how an error was fixed, where comparing one line of the file can mistake a line that
/// moved for the fix.
/// </summary>
public static class GitHunks
{
    /// <summary>The file's diff; <see cref="FileDiff.None"/> when git fails or does not know the file at that commit.</summary>
    public static FileDiff Read(string root, string baseCommit, string sessionPath)
    {
        if (sessionPath.StartsWith('{')) return FileDiff.None;
        var timeout = GitFileChanges.DefaultTimeout;
        var run = GitProcess.Run("git", root,
            ["-c", "core.quotepath=off", "diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", baseCommit, "--", sessionPath],
            timeout);
        if (!run.Succeeded) return FileDiff.None;
        var hunks = Parse(run.Output);
        if (hunks.Count > 0) return new FileDiff(hunks, false);
        // No change: the file is as it is at that commit, if the commit has it at all (an untracked file diffs empty too).
        var known = GitProcess.Run("git", root, ["cat-file", "-e", $"{baseCommit}:./{sessionPath}"], timeout);
        return new FileDiff([], known.Succeeded);
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
