using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Views;

/// <summary>
/// What the code has done since the state was written, when git can tell: commits since, another
/// branch, another worktree. Each is a reason to read the state's entries as possibly out of date.
/// </summary>
internal static class SinceTheState
{
    public static IReadOnlyList<string> Lines(GitFacts? recorded, GitSince? now)
    {
        if (recorded is null || now is null) return [];
        var lines = new List<string>();
        if (recorded.Worktree.Length > 0 && now.Worktree.Length > 0 && recorded.Worktree != now.Worktree)
            lines.Add($"⚠ the state was made in another worktree: {Worktree(recorded.Worktree)} (this is {Worktree(now.Worktree)})");
        if (recorded.Branch != now.Branch)
            lines.Add($"⚠ branch changed: {recorded.Branch ?? "(detached HEAD)"} → {now.Branch ?? "(detached HEAD)"}");
        if (now.CommitsSince is > 0 and var n)
            lines.Add($"⚠ {Plural.Count(n, "commit")} since" + (now.Head is { } head ? $" (HEAD {head})" : ""));
        else if (recorded.Commit is not null && now.Commit is not null && recorded.Commit != now.Commit)
            lines.Add("⚠ HEAD moved since" + (now.Head is { } head ? $" (now {head})" : ""));
        return lines;
    }

    static string Worktree(string relative) => relative == "." ? "the main worktree" : relative;
}
