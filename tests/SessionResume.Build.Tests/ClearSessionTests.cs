using SessionResume.Build;
using SessionResume.Model;

namespace SessionResume.Tests;

/// <summary>SessionClear: archive the current session and start afresh; ClearHistory=true also deletes the history.</summary>
public class ClearSessionTests
{
    static readonly DateTime Now = SaveSessionTests.Now;

    static (ClearSession Task, FakeBuildEngine Engine) Task(TaskRepository repo, string? clearHistory = null)
    {
        var engine = new FakeBuildEngine();
        return (new ClearSession { BuildEngine = engine, ProjectFile = repo.ProjectFile, ClearHistory = clearHistory, Clock = () => Now }, engine);
    }

    static string History(TaskRepository repo, string file = "") => Path.Combine(repo.Root, ".session-history", file);
    static string Digest(TaskRepository repo) => Path.Combine(repo.Root, "token-cache", "summaries.md");

    /// <summary>An older archived session (compressed form too) and a digest, as earlier saves leave them.</summary>
    static void OlderHistory(TaskRepository repo)
    {
        Directory.CreateDirectory(History(repo));
        File.WriteAllText(History(repo, "sess_20261120_001.json"), """{ "session_id": "sess_20261120_001", "objectives": { "primary": "Older" } }""");
        Directory.CreateDirectory(Path.GetDirectoryName(Digest(repo))!);
        File.WriteAllText(Digest(repo), "## sess_20261120_001\n- Objective: Older\n");
    }

    [Fact]
    public void It_archives_the_state_removes_it_and_keeps_the_history()
    {
        using var repo = new TaskRepository();
        OlderHistory(repo);
        File.WriteAllText(repo.StateFile, SaveSessionTests.StateWithOneError);
        var (task, engine) = Task(repo);

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Empty(engine.Errors);
        Assert.False(File.Exists(repo.StateFile));
        var archived = StateJson.Deserialize(File.ReadAllText(History(repo, "sess_20261124_001.json")));
        Assert.Equal(("sess_20261124_001", "Ship it", Now), (archived.SessionId, archived.Objectives.Primary, archived.EndedAt));
        Assert.Single(archived.Errors.Unresolved);
        Assert.True(File.Exists(History(repo, "sess_20261120_001.json")));
        // The digest gains the cleared session's section above the older one.
        var digest = File.ReadAllText(Digest(repo));
        Assert.InRange(digest.IndexOf("## sess_20261124_001", StringComparison.Ordinal), 0, digest.IndexOf("## sess_20261120_001", StringComparison.Ordinal));
        Assert.Equal(
            ["Archived session sess_20261124_001 to .session-history/sess_20261124_001.json.",
             "Removed .session-state.json; the next build or test run starts a new session."],
            engine.HighMessages);
    }

    [Fact]
    public void ClearHistory_true_also_deletes_every_archive_and_the_digest_and_lists_each_file()
    {
        using var repo = new TaskRepository();
        OlderHistory(repo);
        File.WriteAllText(repo.StateFile, SaveSessionTests.StateWithOneError);
        // As MSBuild passes -p:SessionClearHistory=TRUE (any case, stray blanks).
        var (task, engine) = Task(repo, " TRUE ");

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.False(File.Exists(repo.StateFile));
        Assert.False(Directory.Exists(History(repo)));
        Assert.False(File.Exists(Digest(repo)));
        Assert.Equal(
            ["Archived session sess_20261124_001 to .session-history/sess_20261124_001.json.",
             "Removed .session-state.json; the next build or test run starts a new session.",
             "Deleted 3 file(s) of history:",
             "  .session-history/sess_20261124_001.json",
             "  .session-history/sess_20261120_001.json",
             "  token-cache/summaries.md"],
            engine.HighMessages);
    }

    [Fact]
    public void ClearHistory_false_or_anything_else_keeps_the_history()
    {
        using var repo = new TaskRepository();
        OlderHistory(repo);
        var (task, engine) = Task(repo, "yes");

        Assert.True(task.Execute());

        Assert.True(File.Exists(History(repo, "sess_20261120_001.json")));
        Assert.True(File.Exists(Digest(repo)));
        Assert.Equal(["There is no current session to clear."], engine.HighMessages);
    }

    [Fact]
    public void Without_a_state_or_history_ClearHistory_says_there_was_nothing_to_delete()
    {
        using var repo = new TaskRepository();
        var (task, engine) = Task(repo, "true");

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Equal(["There is no current session to clear.", "There was no history to delete."], engine.HighMessages);
    }
}
