using SessionResume.Build;
using SessionResume.Model;

namespace SessionResume.Tests;

/// <summary>SessionSave as MSBuild runs it: the -p:Session... values arrive as the task's string and string[] properties.</summary>
public class SaveSessionTests
{
    internal static readonly DateTime Now = new(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc);
    const string Fingerprint = "0123456789abcdef";

    static (SaveSession Task, FakeBuildEngine Engine) Task(TaskRepository repo)
    {
        var engine = new FakeBuildEngine();
        return (new SaveSession { BuildEngine = engine, ProjectFile = repo.ProjectFile, Clock = () => Now }, engine);
    }

    /// <summary>A state with one unresolved CS0029 (fingerprint 0123456789abcdef), last active an hour ago.</summary>
    internal static string StateWithOneError => $$"""
        {
          "schema_version": 1,
          "session_id": "sess_20261124_001",
          "project": "demo",
          "timestamp": "2026-11-24T19:00:00Z",
          "started_at": "2026-11-24T18:30:00Z",
          "objectives": { "primary": "Ship it", "secondary": [], "status": "in-progress" },
          "errors": { "unresolved": [ { "file": "src/App/B.cs", "line": 2, "error": "Cannot implicitly convert type 'string' to 'int'",
                                        "attempts": 1, "fingerprint": "{{Fingerprint}}", "code": "CS0029", "project": "src/App/App.csproj" } ],
                      "resolved": [] }
        }
        """;

    [Fact]
    public void List_items_with_a_semicolon_inside_stay_one_item_each_and_blank_items_are_dropped()
    {
        using var repo = new TaskRepository();
        var (task, engine) = Task(repo);
        // What MSBuild hands a string[] parameter for -p:SessionTodo="Rate limit%3B per user;Cache;  ":
        // it splits at ';' and unescapes %3B afterwards, so the first item keeps its semicolon.
        task.Objective = "  JWT login, then refresh tokens  ";
        task.Secondary = ["Docs; later", "Metrics"];
        task.Todos = ["Rate limit; per user", "Cache", "  "];
        task.Completed = ["Auth middleware", " Token parser "];
        task.InProgress = ["Login page; UI"];
        task.Blocked = ["Waiting for keys; from ops"];
        task.Decisions = ["HS256; not RS256"];
        task.NextPrompts = ["Write the refresh endpoint; then test it"];
        task.Notes = "Keys live in user secrets.";
        task.Status = "blocked";

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        var state = StateJson.Deserialize(File.ReadAllText(repo.StateFile));
        Assert.Equal("JWT login, then refresh tokens", state.Objectives.Primary);
        Assert.Equal("blocked", state.Objectives.Status);
        Assert.Equal(["Docs; later", "Metrics"], state.Objectives.Secondary);
        Assert.Equal(["Rate limit; per user", "Cache"], state.Todos);
        Assert.Equal(["Auth middleware", "Token parser"], state.Progress.Completed);
        Assert.Equal(["Login page; UI"], state.Progress.InProgress);
        Assert.Equal(["Waiting for keys; from ops"], state.Progress.Blocked);
        Assert.Equal(["HS256; not RS256"], state.Context.KeyDecisions);
        Assert.Equal("Keys live in user secrets.", state.Context.ArchitectureNotes);
        Assert.Equal("Write the refresh endpoint; then test it", state.NextPrompts[0]);
        Assert.Equal(Now, state.EndedAt);
        Assert.Equal("sess_20261124_001", state.SessionId);

        // The session is archived, the digest written, and the task says so at high importance.
        Assert.True(File.Exists(Path.Combine(repo.Root, ".session-history", "sess_20261124_001.json")));
        Assert.True(File.Exists(Path.Combine(repo.Root, "token-cache", "summaries.md")));
        var lines = engine.HighMessages.ToList();
        Assert.StartsWith("Saved session sess_20261124_001: objective set", lines[0]);
        Assert.Contains("Archived to .session-history/sess_20261124_001.json; summary in token-cache/summaries.md.", lines);
    }

    [Fact]
    public void A_resolution_for_a_known_fingerprint_prefix_moves_the_error_to_resolved()
    {
        using var repo = new TaskRepository();
        File.WriteAllText(repo.StateFile, StateWithOneError);
        var (task, engine) = Task(repo);
        // The printed form, and a description that itself holds '=' and ';'.
        task.Resolutions = ["CS0029-0123456789ab=Parsed it; x = int.Parse(s)"];

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        var state = StateJson.Deserialize(File.ReadAllText(repo.StateFile));
        Assert.Empty(state.Errors.Unresolved);
        var resolved = Assert.Single(state.Errors.Resolved);
        Assert.Equal((Fingerprint, "Parsed it; x = int.Parse(s)"), (resolved.Fingerprint, resolved.Resolution));
    }

    [Fact]
    public void An_unknown_fingerprint_is_one_SR0009_error_the_task_fails_and_nothing_is_saved()
    {
        using var repo = new TaskRepository();
        File.WriteAllText(repo.StateFile, StateWithOneError);
        var before = File.ReadAllBytes(repo.StateFile);
        var (task, engine) = Task(repo);
        task.Objective = "Something new";
        task.Todos = ["A todo"];
        task.Resolutions = ["CS0029-fedcba987654=Fixed it"];

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("SR0009", error.Code);
        Assert.Contains("CS0029-fedcba987654", error.Message);
        Assert.Contains("no error has this fingerprint", error.Message);
        // The close match (same code) is named, as printed, so the user can copy it.
        Assert.Contains("CS0029-0123456789ab", error.Message);
        Assert.Empty(engine.Warnings);
        Assert.Equal(before, File.ReadAllBytes(repo.StateFile));
        Assert.False(Directory.Exists(Path.Combine(repo.Root, ".session-history")));
        Assert.False(File.Exists(Path.Combine(repo.Root, "token-cache", "summaries.md")));
        Assert.DoesNotContain(engine.HighMessages, m => m.StartsWith("Saved session", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_status_is_an_SR0009_error_and_no_state_is_created()
    {
        using var repo = new TaskRepository();
        var (task, engine) = Task(repo);
        task.Objective = "Ship it";
        task.Status = "finished";

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("SR0009", error.Code);
        Assert.Contains("finished", error.Message);
        Assert.False(File.Exists(repo.StateFile));
    }

    [Fact]
    public void Without_any_values_it_still_ends_and_archives_the_session()
    {
        using var repo = new TaskRepository();
        File.WriteAllText(repo.StateFile, StateWithOneError);
        var (task, engine) = Task(repo);

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        var state = StateJson.Deserialize(File.ReadAllText(repo.StateFile));
        Assert.Equal(Now, state.EndedAt);
        Assert.Equal("Ship it", state.Objectives.Primary);
        Assert.Single(state.Errors.Unresolved);
        var archived = StateJson.Deserialize(File.ReadAllText(Path.Combine(repo.Root, ".session-history", "sess_20261124_001.json")));
        Assert.Equal(("sess_20261124_001", "Ship it"), (archived.SessionId, archived.Objectives.Primary));
        Assert.Equal("Saved session sess_20261124_001.", engine.HighMessages.First());
    }
}
