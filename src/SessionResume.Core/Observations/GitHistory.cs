namespace SessionResume.Observations;

/// <summary>Where git stands now, measured against the commit a state was written at.</summary>
/// <param name="Commit">HEAD now; null before the first commit.</param>
/// <param name="Branch">The branch now; null when HEAD is detached.</param>
/// <param name="Worktree">The session root relative to the main worktree (<see cref="GitHead.Worktree"/>).</param>
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
        if (GitHead.Read("git", root, timeout) is not { } head) return null;
        var (commit, branch, worktree) = (head.Commit, head.Branch, head.Worktree ?? "");
        if (recordedCommit is null || recordedCommit == commit) return new GitSince(commit, branch, worktree, 0, null);
        var count = GitProcess.Run("git", root, ["rev-list", "--count", recordedCommit + "..HEAD"], timeout);
        var subject = GitProcess.Run("git", root, ["log", "-1", "--format=%h \"%s\"", "HEAD"], timeout);
        return new GitSince(commit, branch, worktree,
            count.Succeeded && int.TryParse(count.Output.Trim(), out var n) ? n : null,
            subject.Succeeded ? subject.Output.Trim() : null);
    }
}
