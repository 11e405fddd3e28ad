using System.Text.Json.Nodes;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests;

/// <summary>`dotnet msbuild -t:SessionRestore` on a project, in each format, and with no state yet.</summary>
public class SessionRestoreTests
{
    /// <summary>A project with one compile error, built once (so the state has one unresolved error).</summary>
    static (ThrowawayRepo Repo, string Project) CreateBuiltRepo(string name)
    {
        var repo = ThrowawayRepo.Create(name);
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        var build = repo.Build(project);
        Check.That(build.ExitCode != 0 && repo.StateExists, repo.Describe());
        return (repo, project);
    }

    [Fact]
    public void On_a_project_it_prints_the_previous_session_summary()
    {
        var (repo, project) = CreateBuiltRepo(nameof(On_a_project_it_prints_the_previous_session_summary));
        using var _ = repo;

        var restore = repo.MSBuild(project, "SessionRestore");
        var context = repo.Describe();
        Check.That(restore.Succeeded, context);
        Check.That(Printed.CountOccurrences(restore.Output, "📋 Previous Session Found") == 1, context);
        foreach (var label in new[] { "Project:", "Last active:", "Objective:", "Status:", "Suggested next action:" })
            Check.That(restore.Output.Contains(label, StringComparison.Ordinal), $"Missing '{label}'.\n{context}");
        Assert.Matches(@"⚠\s*1 unresolved error\b", restore.Output);
        // The suggestion names the error to fix.
        Assert.Contains("CS0029", restore.Output[restore.Output.IndexOf("Suggested next action:", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void With_no_state_it_prints_one_line_saying_there_is_no_previous_session()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        // Restore imports the package's targets without compiling, so there is still no state.
        Check.That(repo.Restore(project).Succeeded, repo.Describe());
        Check.Not(repo.StateExists, repo.Describe());

        var restore = repo.MSBuild(project, "SessionRestore");
        var context = repo.Describe();
        Check.That(restore.Succeeded, context);
        var lines = Printed.Lines(restore.Output).Where(l => l.Contains("No previous session", StringComparison.OrdinalIgnoreCase)).ToList();
        Check.That(lines.Count == 1, $"Expected one line with 'No previous session', found {lines.Count}.\n{context}");
        Assert.DoesNotContain("Previous Session Found", restore.Output);
    }

    [Fact]
    public void SessionFormat_json_prints_parseable_json()
    {
        var (repo, project) = CreateBuiltRepo(nameof(SessionFormat_json_prints_parseable_json));
        using var _ = repo;

        var restore = repo.MSBuild(project, "SessionRestore", "-p:SessionFormat=json");
        Check.That(restore.Succeeded, repo.Describe());
        var json = Printed.ExtractJson(restore.Output, out var error);
        Check.That(json is JsonObject, $"The output is not a JSON object ({error}).\n{repo.Describe()}");
        Check.That(((JsonObject)json!).Count > 0, repo.Describe());
        Assert.Contains("CS0029", json.ToJsonString());
    }

    [Fact]
    public void SessionFormat_markdown_prints_a_markdown_heading()
    {
        var (repo, project) = CreateBuiltRepo(nameof(SessionFormat_markdown_prints_a_markdown_heading));
        using var _ = repo;

        var restore = repo.MSBuild(project, "SessionRestore", "-p:SessionFormat=markdown");
        Check.That(restore.Succeeded, repo.Describe());
        Check.That(Printed.Lines(restore.Output).Any(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*#{1,6} \S")),
            "Expected a markdown heading ('# ...').\n" + repo.Describe());
        Assert.Contains("Previous Session Found", restore.Output);
    }
}
