using SessionResume.Build;

namespace SessionResume.Tests;

public class PrintSessionSummaryTests
{
    static (PrintSessionSummary Task, FakeBuildEngine Engine) Task(TaskRepository repo, string? format = null)
    {
        var engine = new FakeBuildEngine();
        return (new PrintSessionSummary
        {
            BuildEngine = engine,
            ProjectFile = repo.ProjectFile,
            Format = format,
            Clock = () => new DateTime(2026, 11, 24, 22, 0, 0, DateTimeKind.Utc),
        }, engine);
    }

    [Fact]
    public void Prints_the_summary_as_high_importance_lines()
    {
        using var repo = new TaskRepository();
        File.WriteAllText(repo.StateFile, """
            { "project": "demo", "timestamp": "2026-11-24T20:00:00Z", "objectives": { "primary": "Ship it" },
              "errors": { "unresolved": [ { "file": "src/B.cs", "line": 4, "error": "x", "attempts": 2, "fingerprint": "ab", "code": "CS0029", "project": "p" } ] } }
            """);
        var (task, engine) = Task(repo);

        Assert.True(task.Execute());

        var lines = engine.HighMessages.ToList();
        Assert.Equal("📋 Previous Session Found", lines[0]);
        Assert.Contains("Project: demo", lines);
        Assert.Contains("Last active: 2 hours ago", lines);
        Assert.Contains("Objective: Ship it", lines);
        Assert.Contains("⚠ 1 unresolved error (CS0029)", lines);
    }

    [Fact]
    public void Without_a_state_one_clear_line_says_so()
    {
        using var repo = new TaskRepository();
        var (task, engine) = Task(repo);
        Assert.True(task.Execute());
        var line = Assert.Single(engine.HighMessages);
        Assert.StartsWith("No previous session found", line);
        Assert.Contains("dotnet build", line);
    }

    [Fact]
    public void An_unknown_format_fails_the_verb_with_a_clear_error()
    {
        using var repo = new TaskRepository();
        File.WriteAllText(repo.StateFile, "{}");
        var (task, engine) = Task(repo, "yaml");
        Assert.False(task.Execute());
        Assert.Contains("text, markdown or json", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void An_unreadable_state_is_a_warning_not_a_crash_and_is_left_in_place()
    {
        using var repo = new TaskRepository();
        File.WriteAllText(repo.StateFile, "[]");
        var (task, engine) = Task(repo);
        Assert.True(task.Execute());
        Assert.Equal("SR0001", Assert.Single(engine.Warnings).Code);
        Assert.Equal("[]", File.ReadAllText(repo.StateFile));
    }
}
