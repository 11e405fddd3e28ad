using SessionResume.Build;
using SessionResume.Model;

namespace SessionResume.Tests;

public class CaptureBuildDiagnosticsTests
{
    static (CaptureBuildDiagnostics Task, FakeBuildEngine Engine) Task(TaskRepository repo) =>
        repo.CaptureTask(new DateTime(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_compile_error_lands_in_the_state_with_relative_paths_and_the_stamp_names_the_state()
    {
        using var repo = new TaskRepository();
        repo.Source("src/App/B.cs", "class B {", "  int x = \"a\";", "}");
        repo.Sarif(("CS0029", "error", "src/App/B.cs", 2, "Cannot implicitly convert type 'string' to 'int'"),
                   ("CS0168", "warning", "src/App/B.cs", 3, "The variable 'e' is declared but never used"),
                   ("CS8019", "note", "src/App/B.cs", 1, "Unnecessary using directive."));
        var (task, engine) = Task(repo);

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        var state = StateJson.Deserialize(File.ReadAllText(repo.StateFile));
        var error = Assert.Single(state.Errors.Unresolved);
        Assert.Equal(("src/App/B.cs", 2, "CS0029", "src/App/App.csproj", 1), (error.File, error.Line, error.Code, error.Project, error.Attempts));
        Assert.Equal("int x = \"a\";", error.Source);
        Assert.Equal(1, state.Warnings.ByCode["CS0168"]);
        Assert.DoesNotContain("CS8019", state.Warnings.ByCode.Keys);
        Assert.Equal(Path.GetFileName(repo.Root), state.Project);
        Assert.Equal(["C#", "net10.0"], state.Context.TechStack);
        Assert.Equal(repo.StateFile, File.ReadAllText(repo.StampFile));
        Assert.Contains("/.session-state.json", File.ReadAllText(Path.Combine(repo.Root, ".gitignore")));
    }

    [Fact]
    public void A_corrupt_state_becomes_an_SR0001_warning_and_the_task_still_succeeds()
    {
        using var repo = new TaskRepository();
        File.WriteAllText(repo.StateFile, "{ not json");
        repo.Sarif();
        var (task, engine) = Task(repo);

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("SR0001", warning.Code);
        Assert.Contains(".session-state.json.corrupt-20261124T200000Z", warning.Message);
        Assert.Empty(engine.Errors);
        Assert.Equal("{ not json", File.ReadAllText(repo.StateFile + ".corrupt-20261124T200000Z"));
    }

    [Fact]
    public void An_unreadable_compiler_log_is_an_SR0004_warning_and_records_nothing()
    {
        using var repo = new TaskRepository();
        File.WriteAllText(repo.SarifFile, "{ \"runs\": ");
        var (task, engine) = Task(repo);

        Assert.True(task.Execute());
        Assert.Equal("SR0004", Assert.Single(engine.Warnings).Code);
        Assert.False(File.Exists(repo.StateFile));
        Assert.False(File.Exists(repo.StampFile));
    }

    [Fact]
    public void Without_a_compiler_log_nothing_is_written()
    {
        using var repo = new TaskRepository();
        var (task, engine) = Task(repo);
        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
        Assert.False(File.Exists(repo.StateFile));
    }

    [Fact]
    public void A_returning_error_is_flagged_with_an_SR0101_warning_at_its_place()
    {
        using var repo = new TaskRepository();
        var file = repo.Source("src/App/B.cs", "int x = \"a\";");
        repo.Sarif(("CS0029", "error", "src/App/B.cs", 1, "Cannot implicitly convert type 'string' to 'int'"));
        Task(repo).Task.Execute();
        repo.Source("src/App/B.cs", "int x = 1;");
        repo.Sarif();
        Task(repo).Task.Execute();
        repo.Source("src/App/B.cs", "", "", "int x = \"a\";");
        repo.Sarif(("CS0029", "error", "src/App/B.cs", 3, "Cannot implicitly convert type 'string' to 'int'"));
        var (task, engine) = Task(repo);

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("SR0101", warning.Code);
        Assert.Equal((file, 3), (warning.File, warning.LineNumber));
        Assert.Contains("This error was seen before", warning.Message);
        Assert.Contains("Previous resolution: \"Line 1 changed from `int x = \"a\";` to `int x = 1;`.\"", warning.Message);
    }

    [Fact]
    public void The_gitignore_is_left_alone_when_the_user_opts_out()
    {
        using var repo = new TaskRepository();
        repo.Sarif();
        var (task, _) = Task(repo);
        task.ManageGitIgnore = "false";
        task.Execute();
        Assert.True(File.Exists(repo.StateFile));
        Assert.False(File.Exists(Path.Combine(repo.Root, ".gitignore")));
    }

    [Fact]
    public void A_sarif_1_log_from_a_user_who_set_ErrorLog_is_read_too()
    {
        using var repo = new TaskRepository();
        var uri = new Uri(Path.Combine(repo.Root, "src/App/B.cs")).AbsoluteUri;
        File.WriteAllText(repo.SarifFile, $$"""
            { "version": "1.0.0", "runs": [ { "results": [ { "ruleId": "CS0103", "level": "error", "message": "The name 'Foo' does not exist in the current context",
              "locations": [ { "resultFile": { "uri": "{{uri}}", "region": { "startLine": 7, "startColumn": 5 } } } ] } ] } ] }
            """);
        var (task, _) = Task(repo);
        task.Execute();
        var error = Assert.Single(StateJson.Deserialize(File.ReadAllText(repo.StateFile)).Errors.Unresolved);
        Assert.Equal(("CS0103", "src/App/B.cs", 7), (error.Code, error.File, error.Line));
    }
}
