using Microsoft.Build.Framework;
using SessionResume.Build;

namespace SessionResume.Tests;

/// <summary>SessionHistory: one line per archived session, newest first, printed at high importance.</summary>
public class PrintSessionHistoryTests
{
    static (PrintSessionHistory Task, FakeBuildEngine Engine) Task(TaskRepository repo)
    {
        var engine = new FakeBuildEngine();
        return (new PrintSessionHistory { BuildEngine = engine, ProjectFile = repo.ProjectFile, Clock = () => SaveSessionTests.Now }, engine);
    }

    internal static void Archive(string directory, string id, string objective, string extra = "")
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, id + ".json"), $$"""
            { "session_id": "{{id}}", "timestamp": "{{id[5..9]}}-{{id[9..11]}}-{{id[11..13]}}T14:05:00Z", "duration_minutes": 45,
              "objectives": { "primary": "{{objective}}", "status": "in-progress" } {{extra}} }
            """);
    }

    [Fact]
    public void Prints_one_high_importance_line_per_archive_newest_first()
    {
        using var repo = new TaskRepository();
        var history = Path.Combine(repo.Root, ".session-history");
        Archive(history, "sess_20261122_001", "Oldest");
        Archive(history, "sess_20261124_002", "Newest", """, "errors": { "unresolved": [ { "file": "a.cs", "error": "e", "fingerprint": "ab", "code": "CS0029" } ] }""");
        Archive(history, "sess_20261124_001", "Middle");
        var (task, engine) = Task(repo);

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        var lines = engine.Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message!).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("sess_20261124_002  2026-11-24 14:05 UTC  45 min  \"Newest\"  1 error", lines[0]);
        Assert.EndsWith("in-progress", lines[0]);
        Assert.StartsWith("sess_20261124_001", lines[1]);
        Assert.Contains("\"Middle\"", lines[1]);
        Assert.StartsWith("sess_20261122_001", lines[2]);
        Assert.Contains("\"Oldest\"", lines[2]);
        // The columns line up.
        Assert.Equal(lines[0].IndexOf("2026-11-24", StringComparison.Ordinal), lines[2].IndexOf("2026-11-22", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_archives_one_line_says_how_sessions_get_archived()
    {
        using var repo = new TaskRepository();
        var (task, engine) = Task(repo);

        Assert.True(task.Execute());

        var line = Assert.Single(engine.HighMessages);
        Assert.StartsWith("No archived sessions in .session-history/ yet", line);
        Assert.Contains("SessionSave", line);
    }

    [Fact]
    public void A_damaged_archive_is_an_SR0008_warning_naming_it_and_the_others_are_listed()
    {
        using var repo = new TaskRepository();
        var history = Path.Combine(repo.Root, ".session-history");
        Archive(history, "sess_20261124_001", "Readable");
        File.WriteAllText(Path.Combine(history, "sess_20261124_002.json"), "{ damaged");
        var (task, engine) = Task(repo);

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("SR0008", warning.Code);
        Assert.Contains("sess_20261124_002.json", warning.Message + warning.File);
        Assert.Empty(engine.Errors);
        var lines = engine.HighMessages.ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("sess_20261124_002  (unreadable: see warning SR0008)", lines[0]);
        Assert.Contains("\"Readable\"", lines[1]);
        Assert.Equal("{ damaged", File.ReadAllText(Path.Combine(history, "sess_20261124_002.json")));
    }
}
