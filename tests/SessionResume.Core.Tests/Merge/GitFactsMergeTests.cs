using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Merge;

/// <summary>git in the state: stamped by each update, the start commit kept, the session's diff only against that start.</summary>
public class GitFactsMergeTests
{
    static GitStatus Status(string commit, SessionDiff? diff = null, params string[] modified) =>
        new([], modified, []) { Commit = commit, Branch = "main", Worktree = ".", Diff = diff };

    [Fact]
    public void The_start_commit_stays_and_a_diff_against_another_commit_is_left_out()
    {
        var state = new SessionState();
        GitFactsMerge.Apply(state, Status("aaa", null, "src/B.cs"), []);
        Assert.Equal(("aaa", "aaa", true, "."), (state.Git!.Commit, state.Git.SessionStartCommit, state.Git.Dirty, state.Git.Worktree));

        var stale = new SessionDiff("zzz", new Dictionary<string, LineChange> { ["src/B.cs"] = new(1, 0) }, ["x"]);
        GitFactsMerge.Apply(state, Status("bbb", stale), []);
        Assert.Equal(("bbb", "aaa", false), (state.Git.Commit, state.Git.SessionStartCommit, state.Git.Dirty));
        Assert.Null(state.Files.Diffstat);
        Assert.Null(state.Commits);

        var diff = new SessionDiff("aaa", new Dictionary<string, LineChange> { ["src/B.cs"] = new(40, 3) }, ["Parse the rate"]);
        GitFactsMerge.Apply(state, Status("bbb", diff), []);
        Assert.Equal((40, 3), (state.Files.Diffstat!["src/B.cs"].Added, state.Files.Diffstat["src/B.cs"].Removed));
        Assert.Equal(["Parse the rate"], state.Commits);
    }

    [Fact]
    public void The_diffstat_keeps_the_largest_changes_and_counts_the_rest()
    {
        var files = Enumerable.Range(1, GitFactsMerge.MaxFiles + 3).ToDictionary(i => $"f{i:000}.cs", i => new LineChange(i, 0));
        var state = new SessionState();
        GitFactsMerge.Apply(state, Status("aaa", new SessionDiff("aaa", files, [])), []);
        Assert.Equal(GitFactsMerge.MaxFiles, state.Files.Diffstat!.Count);
        Assert.Equal(3, state.Files.DiffstatOmitted);
        Assert.False(state.Files.Diffstat.ContainsKey("f001.cs"));
    }

    [Fact]
    public void The_start_commit_is_read_before_the_lock_without_the_model()
    {
        using var dir = new TempDirectory();
        var file = dir.File(".session-state.json");
        Assert.Null(StatePeek.SessionStartCommit(file));
        File.WriteAllText(file, """{ "files": { "session_start_commit": "no" }, "git": { "commit": "b", "session_start_commit": "abc" } }""");
        Assert.Equal("abc", StatePeek.SessionStartCommit(file));
        File.WriteAllText(file, "{ not json");
        Assert.Null(StatePeek.SessionStartCommit(file));
    }
}
