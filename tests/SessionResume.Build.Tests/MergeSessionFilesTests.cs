using SessionResume.Build;
using SessionResume.Model;

namespace SessionResume.Tests;

/// <summary>SessionMerge: state files from CI merged into the current one; inputs relative to where the command was run.</summary>
public class MergeSessionFilesTests
{
    static readonly DateTime Now = SaveSessionTests.Now;

    static (MergeSessionFiles Task, FakeBuildEngine Engine) Task(TaskRepository repo, string? startupDirectory, params string[] inputs)
    {
        var engine = new FakeBuildEngine();
        return (new MergeSessionFiles
        {
            BuildEngine = engine,
            ProjectFile = repo.ProjectFile,
            StartupDirectory = startupDirectory,
            Inputs = inputs,
            Clock = () => Now,
        }, engine);
    }

    /// <summary>A CI artifact: one unresolved error with the given fingerprint.</summary>
    static string Artifact(string fingerprint, string file) => $$"""
        {
          "session_id": "sess_20261124_007",
          "timestamp": "2026-11-24T19:30:00Z",
          "errors": { "unresolved": [ { "file": "{{file}}", "line": 3, "error": "The name 'x' does not exist in the current context",
                                        "attempts": 1, "fingerprint": "{{fingerprint}}", "code": "CS0103", "project": "src/App/App.csproj" } ] }
        }
        """;

    static string WriteArtifact(TaskRepository repo, string relative, string content)
    {
        var path = Path.Combine(repo.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Relative_inputs_are_resolved_against_the_startup_directory_not_the_current_one()
    {
        using var repo = new TaskRepository();
        WriteArtifact(repo, "artifacts/linux/state.json", Artifact("1111111111111111", "src/App/Linux.cs"));
        WriteArtifact(repo, "artifacts/windows/state.json", Artifact("2222222222222222", "src/App/Windows.cs"));
        // The test host's current directory is elsewhere; a relative input must not be looked up there.
        Assert.NotEqual(Path.GetFullPath(Directory.GetCurrentDirectory()), Path.Combine(repo.Root, "artifacts"));
        var (task, engine) = Task(repo, Path.Combine(repo.Root, "artifacts"), "linux/state.json", "windows/state.json");

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Empty(engine.Errors);
        var state = StateJson.Deserialize(File.ReadAllText(repo.StateFile));
        Assert.Equal(["1111111111111111", "2222222222222222"], state.Errors.Unresolved.Select(e => e.Fingerprint).Order());
        Assert.Equal(["artifacts/linux/state.json"], state.Errors.Unresolved.Single(e => e.Fingerprint == "1111111111111111").SeenIn);
        Assert.Equal(["Merged artifacts/linux/state.json, artifacts/windows/state.json into .session-state.json."], engine.HighMessages);
    }

    [Fact]
    public void A_missing_input_is_an_SR0004_warning_naming_it_and_the_others_are_merged()
    {
        using var repo = new TaskRepository();
        WriteArtifact(repo, "ci/a.json", Artifact("1111111111111111", "src/App/A.cs"));
        var (task, engine) = Task(repo, Path.Combine(repo.Root, "ci"), "a.json", "missing.json");

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("SR0004", warning.Code);
        Assert.Contains("ci/missing.json", warning.Message);
        Assert.Contains("does not exist", warning.Message);
        Assert.Equal(Path.Combine(repo.Root, "ci", "missing.json"), warning.File);
        Assert.Empty(engine.Errors);
        Assert.Equal("1111111111111111", Assert.Single(StateJson.Deserialize(File.ReadAllText(repo.StateFile)).Errors.Unresolved).Fingerprint);
        Assert.Equal(["Merged ci/a.json into .session-state.json."], engine.HighMessages);
    }

    [Fact]
    public void When_no_input_can_be_read_nothing_is_written()
    {
        using var repo = new TaskRepository();
        WriteArtifact(repo, "ci/broken.json", "{ not json");
        var (task, engine) = Task(repo, Path.Combine(repo.Root, "ci"), "broken.json", "gone.json");

        Assert.True(task.Execute());

        Assert.Equal(["SR0004", "SR0004"], engine.Warnings.Select(w => w.Code));
        Assert.Contains("ci/broken.json", engine.Warnings[0].Message);
        Assert.Contains("ci/gone.json", engine.Warnings[1].Message);
        Assert.False(File.Exists(repo.StateFile));
        Assert.Equal(["Nothing was merged."], engine.HighMessages);
    }

    [Fact]
    public void Merging_the_same_file_twice_changes_nothing_the_second_time()
    {
        using var repo = new TaskRepository();
        WriteArtifact(repo, "ci/a.json", Artifact("1111111111111111", "src/App/A.cs"));
        Task(repo, Path.Combine(repo.Root, "ci"), "a.json").Task.Execute();
        var before = File.ReadAllText(repo.StateFile);
        var (task, engine) = Task(repo, Path.Combine(repo.Root, "ci"), "a.json");

        Assert.True(task.Execute());

        Assert.Equal(before, File.ReadAllText(repo.StateFile));
        Assert.Equal(["Merged ci/a.json: nothing new."], engine.HighMessages);
    }

    [Fact]
    public void Without_inputs_the_verb_fails_with_one_error_saying_how_to_give_them()
    {
        using var repo = new TaskRepository();
        // -p:SessionMergeInputs="" or " ; ": MSBuild passes no items, or only blank ones.
        var (task, engine) = Task(repo, repo.Root, " ");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Contains("SessionMergeInputs", error.Message);
        Assert.False(File.Exists(repo.StateFile));
    }
}
