using SessionResume.Model;

namespace SessionResume.Tests;

/// <summary>The capture task's part in build.projects: the outcome, the succeeded file and the start marker.</summary>
public class CaptureBuildOutcomeTests
{
    static readonly DateTime Now = new(2026, 12, 4, 20, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_failed_build_without_a_compiler_log_is_recorded_as_failed_and_leaves_the_errors_as_they_were()
    {
        using var repo = new TaskRepository();
        repo.Source("src/App/B.cs", "class B {", "  int x = \"a\";", "}");
        repo.Sarif(("CS0029", "error", "src/App/B.cs", 2, "Cannot implicitly convert type 'string' to 'int'"));
        var (first, _) = repo.CaptureTask(Now);
        Assert.True(first.Execute());

        // A failure before the compiler ran: no log (deleted here), the error path.
        File.Delete(repo.SarifFile);
        var succeeded = Path.Combine(repo.Obj, "SessionResume.succeeded");
        File.WriteAllText(succeeded, "");
        var marker = Path.Combine(repo.Obj, "SessionResume.started");
        File.WriteAllText(marker, "started=2026-12-04T20:00:00Z\n");
        var (task, engine) = repo.CaptureTask(Now.AddMinutes(1));
        task.BuildFailed = true;
        task.SucceededFile = succeeded;
        task.StartedMarker = marker;
        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        var state = StateJson.Deserialize(File.ReadAllText(repo.StateFile));
        var build = state.Build.Projects["src/App/App.csproj"];
        Assert.Equal((BuildOutcome.Failed, (int?)null), (build.Outcome, build.Errors));
        Assert.Equal(BuildOutcome.Failed, state.Build.Outcome);
        Assert.Single(state.Errors.Unresolved);   // nothing compiled, so nothing was fixed
        Assert.False(File.Exists(succeeded), "After a failure the next build must record again.");
        Assert.False(File.Exists(marker), "The build's end is recorded: its start marker goes.");
        var pointer = Assert.Single(Directory.GetFiles(repo.Root, ".session-state.json.build-*"));
        var lines = File.ReadAllLines(pointer);
        Assert.Equal(marker, lines[0]);
        Assert.Contains($"succeeded={succeeded}", lines);
    }

    [Fact]
    public void A_successful_build_writes_the_succeeded_file_and_counts_the_compilers_errors()
    {
        using var repo = new TaskRepository();
        repo.Source("src/App/B.cs", "class B {", "}");
        repo.Sarif(("CS0168", "warning", "src/App/B.cs", 1, "The variable 'e' is declared but never used"));
        var succeeded = Path.Combine(repo.Obj, "SessionResume.succeeded");
        var marker = Path.Combine(repo.Obj, "SessionResume.started");
        File.WriteAllText(marker, "started=2026-12-04T20:00:00Z\n");
        var (task, _) = repo.CaptureTask(Now);
        task.SucceededFile = succeeded;
        task.StartedMarker = marker;
        Assert.True(task.Execute());
        // Recorded after CoreBuild: the build has not ended yet (a target after Build removes the marker).
        Assert.True(File.Exists(marker));

        var state = StateJson.Deserialize(File.ReadAllText(repo.StateFile));
        Assert.Equal((BuildOutcome.Succeeded, (int?)0), (state.Build.Projects["src/App/App.csproj"].Outcome, state.Build.Projects["src/App/App.csproj"].Errors));
        Assert.True(File.Exists(succeeded));
    }
}
