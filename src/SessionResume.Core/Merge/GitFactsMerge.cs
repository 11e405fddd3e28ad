using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Stamps the state with the git facts of this update (<see cref="GitFacts"/>). The session's start
/// commit is the commit of its first update with git, and stays. A report without a commit (a
/// repository without commits) stamps the branch and worktree only.
/// </summary>
public static class GitFactsMerge
{
    public static void Apply(SessionState state, GitStatus status, string root, IReadOnlyCollection<string> ownPaths)
    {
        var own = new OwnPathFilter(ownPaths);
        var git = state.Git ?? new GitFacts();
        git.Commit = status.Commit;
        git.Branch = status.Branch;
        git.Worktree = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)).Replace('\\', '/');
        git.Dirty = status.Created.Concat(status.Modified).Concat(status.Deleted).Any(p => !own.Matches(p));
        git.SessionStartCommit ??= status.Commit;
        state.Git = git;
    }
}
