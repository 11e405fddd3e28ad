namespace SessionResume.Observations;

/// <summary>Where git stands now, measured against the commit a state was written at.</summary>
/// <param name="Commit">HEAD now; null before the first commit.</param>
/// <param name="Branch">The branch now; null when HEAD is detached.</param>
/// <param name="Worktree">The folder asked (the session root), absolute with '/'.</param>
/// <param name="CommitsSince">Commits in HEAD's history that the recorded commit's lacks; null when that cannot be counted.</param>
/// <param name="Head">HEAD's short hash and subject, when HEAD moved.</param>
public sealed record GitSince(string? Commit, string? Branch, string Worktree, int? CommitsSince, string? Head);

/// <summary>What SessionRestore asks git (read-only, bounded in time): HEAD, its branch, and the commits since the state.</summary>
public static class GitHistory
{
    /// <summary>Null when git is missing or fails, or the root is not in a repository: then nothing is said.</summary>
    public static GitSince? Since(string root, string? recordedCommit)
    {
        var timeout = GitFileChanges.DefaultTimeout;
        var head = GitProcess.Run("git", root, ["rev-parse", "HEAD", "--abbrev-ref", "HEAD"], timeout);
        if (!head.Succeeded) return null;
        var lines = head.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 2) return null;
        var worktree = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)).Replace('\\', '/');
        var branch = lines[1] == "HEAD" ? null : lines[1];
        if (recordedCommit is null || recordedCommit == lines[0]) return new GitSince(lines[0], branch, worktree, 0, null);
        var count = GitProcess.Run("git", root, ["rev-list", "--count", recordedCommit + "..HEAD"], timeout);
        var subject = GitProcess.Run("git", root, ["log", "-1", "--format=%h \"%s\"", "HEAD"], timeout);
        return new GitSince(lines[0], branch, worktree,
            count.Succeeded && int.TryParse(count.Output.Trim(), out var n) ? n : null,
            subject.Succeeded ? subject.Output.Trim() : null);
    }
}
