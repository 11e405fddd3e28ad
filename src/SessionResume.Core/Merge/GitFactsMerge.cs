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
    public const int MaxFiles = FileChangeMerge.MaxPerList;
    public const int MaxCommits = 100;

    public static void Apply(SessionState state, GitStatus status, IReadOnlyCollection<string> ownPaths)
    {
        var own = new OwnPathFilter(ownPaths);
        var git = state.Git ?? new GitFacts();
        git.Commit = status.Commit;
        git.Branch = status.Branch;
        git.Worktree = status.Worktree ?? "";
        git.Dirty = status.Created.Concat(status.Modified).Concat(status.Deleted).Any(p => !own.Matches(p));
        git.SessionStartCommit ??= status.Commit;
        state.Git = git;
        // A diff against another commit (the session started anew in this update) is left out, not shown wrong.
        if (status.Diff is not { } diff || diff.Base != git.SessionStartCommit) return;
        var kept = diff.Files.Where(f => !own.Matches(f.Key)).ToList();
        var largest = kept.OrderByDescending(f => f.Value.Added + f.Value.Removed).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(MaxFiles).ToList();
        state.Files.Diffstat = new SortedDictionary<string, DiffLines>(
            largest.ToDictionary(f => f.Key, f => new DiffLines { Added = f.Value.Added, Removed = f.Value.Removed }),
            StringComparer.Ordinal);
        state.Files.DiffstatOmitted = kept.Count > MaxFiles ? kept.Count - MaxFiles : null;
        state.Commits = diff.Commits.Count == 0 ? null : diff.Commits.TakeLast(MaxCommits).ToList();
    }
}
