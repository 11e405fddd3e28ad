using SessionResume.Application;
using SessionResume.Model;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Application;

/// <summary>
/// The full-capture logger's core, fed events as MSBuild raises them: what it keeps, whom it
/// attributes an error to, and when it writes nothing at all.
/// </summary>
public sealed class FullCaptureTests : IDisposable
{
    static readonly DateTime Now = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);
    readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    string StateFile => dir.File(".session-state.json");
    string Lib => dir.File("src/Lib/Lib.csproj");
    FullCapture NewCapture() => new(dir.Path, () => Now);
    SessionState State() => StateJson.Deserialize(File.ReadAllBytes(StateFile));

    /// <summary>One project built from the command line: ProjectStarted (entry, Build), its errors, ProjectFinished.</summary>
    static void Build(FullCapture capture, string project, bool succeeded, params (string Code, string Sender)[] errors)
    {
        capture.ProjectStarted(1, project, ["Build"], null, restoring: false, isEntry: true);
        foreach (var (code, sender) in errors)
            capture.ErrorRaised(1, project, code, project, 9, 5, $"{code} message", sender);
        capture.ProjectFinished(1, succeeded);
    }

    [Fact]
    public void A_task_error_is_recorded_and_the_compilers_the_test_runners_and_the_packages_own_are_left_out()
    {
        var capture = NewCapture();
        Build(capture, Lib, succeeded: false, ("MSB3030", "Copy"), ("CS0029", "Csc"), ("", "VSTestTask"), ("SR0009", "SaveSession"));
        capture.BuildFinished();

        var entry = Assert.Single(State().Errors.Unresolved);
        Assert.Equal(("MSB3030", ErrorOrigin.Build, "src/Lib/Lib.csproj", "src/Lib/Lib.csproj", 9),
            (entry.Code, entry.Origin, entry.Project, entry.File, entry.Line));
        Assert.Equal(BuildOutcome.Failed, State().Build.Projects["src/Lib/Lib.csproj"].Outcome);
    }

    [Fact]
    public void A_clean_build_with_nothing_to_resolve_and_a_run_of_the_verbs_write_nothing()
    {
        var capture = NewCapture();
        Build(capture, Lib, succeeded: true);
        capture.BuildFinished();
        Assert.False(File.Exists(StateFile));

        capture.ProjectStarted(1, Lib, ["SessionSave"], null, restoring: false, isEntry: true);
        capture.ErrorRaised(1, Lib, "MSB4057", Lib, 0, 0, "The target does not exist", "MSBuild");
        capture.ProjectFinished(1, false);
        capture.BuildFinished();
        Assert.False(File.Exists(StateFile));
    }

    [Fact]
    public void An_error_goes_away_only_when_a_later_build_of_its_project_succeeds()
    {
        var capture = NewCapture();
        Build(capture, Lib, succeeded: false, ("NETSDK1045", "NETSdkError"));
        capture.BuildFinished();

        // Failed again, on the compiler this time: the build stopped before it could say.
        Build(capture, Lib, succeeded: false, ("CS0029", "Csc"));
        capture.BuildFinished();
        Assert.Equal("NETSDK1045", Assert.Single(State().Errors.Unresolved).Code);

        Build(capture, Lib, succeeded: true);
        capture.BuildFinished();
        Assert.Empty(State().Errors.Unresolved);
        Assert.Equal("NETSDK1045", Assert.Single(State().Errors.Resolved).Code);
    }

    [Fact]
    public void A_restore_error_belongs_to_the_project_file_NuGet_names_and_a_good_restore_resolves_it()
    {
        var solution = dir.File("App.sln");
        var capture = NewCapture();
        capture.ProjectStarted(1, solution, ["Restore"], null, restoring: false, isEntry: true);
        capture.ProjectStarted(2, Lib, ["_GenerateRestoreGraphProjectEntry"], null, restoring: true, isEntry: false);
        capture.ErrorRaised(1, solution, "NU1101", Lib, 0, 0, "Unable to find package X. No packages exist with this id in source(s): a",
            "RestoreTask");
        capture.ProjectFinished(2, true);
        capture.ProjectFinished(1, false);
        capture.BuildFinished();

        var entry = Assert.Single(State().Errors.Unresolved);
        Assert.Equal(("NU1101", ErrorOrigin.Restore, "src/Lib/Lib.csproj"), (entry.Code, entry.Origin, entry.Project));

        capture.ProjectStarted(1, solution, ["Restore"], null, restoring: false, isEntry: true);
        capture.ProjectStarted(2, Lib, ["_GenerateRestoreGraphProjectEntry"], null, restoring: true, isEntry: false);
        capture.ProjectFinished(2, true);
        capture.ProjectFinished(1, true);
        capture.BuildFinished();
        Assert.Empty(State().Errors.Unresolved);
    }

    [Fact]
    public void A_failure_of_one_inner_build_is_recorded_for_its_framework()
    {
        var capture = NewCapture();
        capture.ProjectStarted(1, Lib, ["Build"], null, restoring: false, isEntry: true);
        capture.ProjectStarted(2, Lib, ["Build"], "net8.0", restoring: false, isEntry: false);
        capture.ErrorRaised(2, Lib, "MSB3030", Lib, 3, 1, "Could not copy", "Copy");
        capture.ProjectFinished(2, false);
        capture.ProjectFinished(1, false);
        capture.BuildFinished();

        var build = State().Build.Projects["src/Lib/Lib.csproj"];
        Assert.Equal(["net8.0"], build.Frameworks.Keys);
        Assert.Equal(["net8.0"], State().Errors.Unresolved[0].TargetFrameworks);
    }
}
