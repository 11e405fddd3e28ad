using Microsoft.Build.Framework;
using SessionResume.Build;
using SessionResume.Model;

namespace SessionResume.Tests;

/// <summary>
/// The Settings item list the targets hand every task (ItemSpec = the SessionResume* property, metadata
/// Value): it reaches the session, wins over .session-resume.json, and a bad value is one SR0006 warning.
/// </summary>
public class SettingsTests
{
    static readonly DateTime Now = SaveSessionTests.Now;

    static ITaskItem[] Settings(params (string Property, string Value)[] settings) => TaskRepository.SettingItems(settings);

    static (SaveSession Task, FakeBuildEngine Engine) Save(TaskRepository repo, params (string, string)[] settings)
    {
        var engine = new FakeBuildEngine();
        return (new SaveSession { BuildEngine = engine, ProjectFile = repo.ProjectFile, Settings = Settings(settings), Objective = "Ship it", Clock = () => Now }, engine);
    }

    static (CaptureBuildDiagnostics Task, FakeBuildEngine Engine) Capture(TaskRepository repo, params (string, string)[] settings) =>
        repo.CaptureTask(Now, settings);

    static void ConfigFile(TaskRepository repo, string json) => File.WriteAllText(Path.Combine(repo.Root, ".session-resume.json"), json);

    static string At(TaskRepository repo, string relative) => Path.Combine(repo.Root, relative);

    static void CompileError(TaskRepository repo) =>
        repo.Sarif(("CS0029", "error", "src/App/B.cs", 2, "Cannot implicitly convert type 'string' to 'int'"));

    [Fact]
    public void StateFile_and_HistoryDirectory_items_decide_where_SessionSave_writes_and_archives()
    {
        using var repo = new TaskRepository();
        var (task, engine) = Save(repo, ("SessionResumeStateFile", "state/session.json"), ("SessionResumeHistoryDirectory", ".sessions"));

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.False(File.Exists(repo.StateFile));
        Assert.Equal("Ship it", StateJson.Deserialize(File.ReadAllText(At(repo, "state/session.json"))).Objectives.Primary);
        Assert.True(File.Exists(At(repo, ".sessions/sess_20261124_001.json")));
        Assert.False(Directory.Exists(At(repo, ".session-history")));
        Assert.Contains("Archived to .sessions/sess_20261124_001.json; summary in token-cache/summaries.md.", engine.HighMessages);
    }

    [Fact]
    public void An_item_wins_over_the_configuration_file_and_the_file_fills_in_the_rest()
    {
        using var repo = new TaskRepository();
        ConfigFile(repo, """{ "state_file": "from-file.json", "archive_location": "file-history" }""");
        var (task, engine) = Save(repo, ("SessionResumeStateFile", "from-item.json"));

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.True(File.Exists(At(repo, "from-item.json")));
        Assert.False(File.Exists(At(repo, "from-file.json")));
        Assert.True(File.Exists(At(repo, "file-history/sess_20261124_001.json")));
    }

    [Fact]
    public void Item_names_are_matched_without_regard_to_case_and_blank_values_mean_not_set()
    {
        using var repo = new TaskRepository();
        ConfigFile(repo, """{ "state_file": "from-file.json" }""");
        var (task, engine) = Save(repo, ("sessionresumehistorydirectory", "lower-case"), ("SessionResumeStateFile", "  "));

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.True(File.Exists(At(repo, "from-file.json")));
        Assert.True(File.Exists(At(repo, "lower-case/sess_20261124_001.json")));
    }

    [Fact]
    public void An_invalid_item_is_one_SR0006_warning_naming_the_property_and_the_value_from_the_file_is_kept()
    {
        using var repo = new TaskRepository();
        ConfigFile(repo, """{ "max_history": 5 }""");
        var (task, engine) = Save(repo, ("SessionResumeMaxHistory", "abc"));

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("SR0006", warning.Code);
        Assert.Contains("SessionResumeMaxHistory", warning.Message);
        Assert.Contains("\"abc\"", warning.Message);
        Assert.Contains("using 5 (from .session-resume.json)", warning.Message);
        Assert.Empty(engine.Errors);
        Assert.True(File.Exists(repo.StateFile));
    }

    [Fact]
    public void An_invalid_item_without_a_file_value_falls_back_to_the_default()
    {
        using var repo = new TaskRepository();
        var (task, engine) = Save(repo, ("SessionResumeAutoSave", "sometimes"));

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("SR0006", warning.Code);
        Assert.Contains("SessionResumeAutoSave must be true or false, not \"sometimes\"; using true (the default)", warning.Message);
    }

    [Fact]
    public void An_unknown_key_in_the_file_is_an_SR0006_warning_at_the_file_with_a_suggestion()
    {
        using var repo = new TaskRepository();
        ConfigFile(repo, """{ "max_histroy": 2 }""");
        var (task, engine) = Save(repo);

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("SR0006", warning.Code);
        Assert.Contains("unknown key \"max_histroy\" (did you mean \"max_history\"?)", warning.Message);
        Assert.Equal(At(repo, ".session-resume.json"), warning.File);
    }

    [Fact]
    public void The_configuration_problems_are_reported_once_per_task_even_though_the_session_is_used_twice()
    {
        using var repo = new TaskRepository();
        ConfigFile(repo, """{ "max_histroy": 2 }""");
        CompileError(repo);
        var (task, engine) = Capture(repo, ("SessionResumeIdleMinutes", "0"));

        Assert.True(task.Execute());

        Assert.Equal(2, engine.Warnings.Count);
        Assert.All(engine.Warnings, w => Assert.Equal("SR0006", w.Code));
        Assert.Contains(engine.Warnings, w => w.Message!.Contains("SessionResumeIdleMinutes", StringComparison.Ordinal));
        Assert.True(File.Exists(repo.StateFile));
    }

    [Fact]
    public void AutoSave_false_makes_a_build_capture_write_nothing()
    {
        using var repo = new TaskRepository();
        repo.Sarif();
        var (task, engine) = Capture(repo, ("SessionResumeAutoSave", "false"));

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.False(File.Exists(repo.StateFile));
        // No stamp either: the next build (perhaps with auto_save back on) must capture again.
        Assert.False(File.Exists(repo.StampFile));
    }

    [Fact]
    public void SaveOnError_false_skips_a_failed_compile_but_records_a_clean_one()
    {
        using var repo = new TaskRepository();
        CompileError(repo);
        var (failed, failedEngine) = Capture(repo, ("SessionResumeSaveOnError", "False"));
        Assert.True(failed.Execute());
        Assert.Empty(failedEngine.Warnings);
        Assert.False(File.Exists(repo.StateFile));

        repo.Sarif(("CS0168", "warning", "src/App/B.cs", 3, "The variable 'e' is declared but never used"));
        var (clean, _) = Capture(repo, ("SessionResumeSaveOnError", "False"));
        Assert.True(clean.Execute());
        var state = StateJson.Deserialize(File.ReadAllText(repo.StateFile));
        Assert.Empty(state.Errors.Unresolved);
        Assert.Equal(1, state.Warnings.ByCode["CS0168"]);
    }

    [Fact]
    public void IncludeGitDiff_decides_whether_the_files_section_is_filled_and_own_files_never_appear()
    {
        using var repo = new TaskRepository();
        repo.Source("src/App/B.cs", "class B { }");
        repo.Sarif();
        var (off, _) = Capture(repo, ("SessionResumeIncludeGitDiff", "false"));
        Assert.True(off.Execute());
        var files = StateJson.Deserialize(File.ReadAllText(repo.StateFile)).Files;
        Assert.Empty(files.Created);
        Assert.Empty(files.Modified);
        Assert.Empty(files.Deleted);

        repo.Sarif();
        var (on, engine) = Capture(repo);
        Assert.True(on.Execute());
        Assert.Empty(engine.Warnings);
        files = StateJson.Deserialize(File.ReadAllText(repo.StateFile)).Files;
        // Nothing is committed in this repository: every file is new. The state file, its lock and
        // .gitignore's block are the package's; obj/ is not ignored here, so the SARIF log is listed.
        Assert.Contains("src/App/B.cs", files.Created);
        Assert.Contains("src/App/App.csproj", files.Created);
        Assert.DoesNotContain(files.Created, f => f.StartsWith(".session-state.json", StringComparison.Ordinal));
    }

    [Fact]
    public void IdleMinutes_from_an_item_starts_a_new_session_after_a_shorter_pause()
    {
        using var repo = new TaskRepository();
        // Last active 60 minutes before the task's clock: within the default 120, beyond 30.
        File.WriteAllText(repo.StateFile, SaveSessionTests.StateWithOneError);
        CompileError(repo);
        var (sameSession, _) = Capture(repo);
        Assert.True(sameSession.Execute());
        Assert.Equal("sess_20261124_001", StateJson.Deserialize(File.ReadAllText(repo.StateFile)).SessionId);

        File.WriteAllText(repo.StateFile, SaveSessionTests.StateWithOneError);
        CompileError(repo);
        var (task, engine) = Capture(repo, ("SessionResumeIdleMinutes", "30"));
        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        var state = StateJson.Deserialize(File.ReadAllText(repo.StateFile));
        Assert.Equal(("sess_20261124_002", "sess_20261124_001"), (state.SessionId, state.ContinuesSession));
        Assert.True(File.Exists(At(repo, ".session-history/sess_20261124_001.json")));
    }

    [Fact]
    public void MaxHistory_and_CompressOldSessions_items_shape_the_archive_SessionSave_leaves()
    {
        using var repo = new TaskRepository();
        var history = At(repo, ".session-history");
        foreach (var day in new[] { 18, 19, 20, 21, 22 })
            PrintSessionHistoryTests.Archive(history, $"sess_202611{day}_001", $"Day {day}");
        var (task, engine) = Save(repo, ("SessionResumeMaxHistory", "4"), ("SessionResumeCompressOldSessions", "true"));

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Equal(
            ["sess_20261120_001.json.gz", "sess_20261121_001.json", "sess_20261122_001.json", "sess_20261124_001.json"],
            Directory.GetFiles(history).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var (uncompressed, _) = Save(repo, ("SessionResumeMaxHistory", "5"), ("SessionResumeCompressOldSessions", "false"));
        Assert.True(uncompressed.Execute());
        // The saved session ended, so this save is a new session (_002); nothing more is compressed.
        Assert.Equal(
            ["sess_20261120_001.json.gz", "sess_20261121_001.json", "sess_20261122_001.json", "sess_20261124_001.json", "sess_20261124_002.json"],
            Directory.GetFiles(history).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_history_verb_reads_the_HistoryDirectory_of_its_items()
    {
        using var repo = new TaskRepository();
        PrintSessionHistoryTests.Archive(At(repo, ".sessions"), "sess_20261123_001", "Elsewhere");
        var engine = new FakeBuildEngine();
        var task = new PrintSessionHistory
        {
            BuildEngine = engine,
            ProjectFile = repo.ProjectFile,
            Settings = Settings(("SessionResumeHistoryDirectory", ".sessions")),
        };

        Assert.True(task.Execute());

        var line = Assert.Single(engine.HighMessages);
        Assert.StartsWith("sess_20261123_001", line);
        Assert.Contains("\"Elsewhere\"", line);
    }
}
