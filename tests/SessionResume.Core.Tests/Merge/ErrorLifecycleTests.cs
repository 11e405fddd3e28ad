using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Tests.Support;
using static SessionResume.Tests.Support.BuildFixture;

namespace SessionResume.Tests.Merge;

public class ErrorLifecycleTests
{
    const string File = "src/App/B.cs";
    const string Conversion = "Cannot implicitly convert type 'string' to 'int'";

    [Fact]
    public void A_new_error_is_recorded_with_the_seed_keys_and_one_attempt()
    {
        var f = new BuildFixture();
        f.Sources.Set(File, "a", "int x = \"a\";");
        f.Build(Error("CS0029", File, 2, Conversion));

        var e = Assert.Single(f.State.Errors.Unresolved);
        Assert.Equal((File, 2, Conversion, 1, "CS0029", Project), (e.File, e.Line, e.Error, e.Attempts, e.Code, e.Project));
        Assert.Equal(16, e.Fingerprint.Length);
        Assert.Equal("int x = \"a\";", e.Source);
        Assert.Equal(["net10.0"], e.TargetFrameworks);
        Assert.Equal($"Fix error CS0029 in {File} line 2: {Conversion}", Assert.Single(f.State.NextPrompts));
    }

    [Fact]
    public void Each_compile_that_still_reports_the_error_counts_an_attempt()
    {
        var f = new BuildFixture();
        f.Build(Error("CS0029", File, 42, Conversion));
        f.Build(Error("CS0029", File, 42, Conversion));
        f.Build(Error("CS0029", File, 47, Conversion));   // lines inserted above: the same problem
        Assert.Equal(3, Assert.Single(f.State.Errors.Unresolved).Attempts);
        Assert.Equal(47, f.State.Errors.Unresolved[0].Line);
    }

    [Fact]
    public void A_capture_without_a_new_compile_counts_no_attempt()
    {
        var f = new BuildFixture();
        f.Build(Error("CS0029", File, 42, Conversion));
        f.Build("net10.0", ["net10.0"], Project, compiled: false, Error("CS0029", File, 42, Conversion));
        Assert.Equal(1, Assert.Single(f.State.Errors.Unresolved).Attempts);
    }

    [Fact]
    public void A_fixed_error_moves_to_resolved_with_the_line_before_and_after()
    {
        var f = new BuildFixture();
        f.Sources.Set(File, "int x = \"a\";");
        f.Build(Error("CS0029", File, 1, Conversion));
        f.Sources.Set(File, "int x = 1;");
        f.Build();

        Assert.Empty(f.State.Errors.Unresolved);
        var r = Assert.Single(f.State.Errors.Resolved);
        Assert.Equal("Line 1 changed from `int x = \"a\";` to `int x = 1;`.", r.Resolution);
        Assert.Equal(("CS0029", File, f.State.SessionId), (r.Code, r.File, r.SessionId));
        Assert.Empty(f.State.NextPrompts);
    }

    [Fact]
    public void A_fix_made_elsewhere_says_the_line_is_unchanged()
    {
        var f = new BuildFixture();
        f.Sources.Set(File, "var y = Foo();");
        f.Build(Error("CS0103", File, 1, "The name 'Foo' does not exist in the current context"));
        f.Build();
        Assert.Equal("Line 1 unchanged (`var y = Foo();`); fixed by a change elsewhere.", f.State.Errors.Resolved[0].Resolution);
    }

    [Fact]
    public void A_deleted_file_is_named_in_the_resolution()
    {
        var f = new BuildFixture();
        f.Sources.Set(File, "int x = \"a\";");
        f.Build(Error("CS0029", File, 1, Conversion));
        f.Sources.Files.Clear();
        f.Build();
        Assert.Equal($"{File} was deleted or renamed.", f.State.Errors.Resolved[0].Resolution);
    }

    [Fact]
    public void Two_identical_errors_fixing_one_leaves_one_unresolved_entry_and_no_resolution()
    {
        var f = new BuildFixture();
        f.Build(Error("CS0029", File, 10, Conversion), Error("CS0029", File, 80, Conversion));
        var entry = Assert.Single(f.State.Errors.Unresolved);
        Assert.Equal([80], entry.OtherLines!);

        f.Build(Error("CS0029", File, 80, Conversion));
        entry = Assert.Single(f.State.Errors.Unresolved);
        Assert.Equal(80, entry.Line);
        Assert.Null(entry.OtherLines);
        Assert.Empty(f.State.Errors.Resolved);
    }

    [Fact]
    public void An_error_hidden_by_a_new_syntax_error_is_not_resolved()
    {
        var f = new BuildFixture();
        f.Build(Error("CS0029", File, 10, Conversion));
        f.Build(Error("CS1002", "src/App/C.cs", 3, "; expected"));

        Assert.Empty(f.State.Errors.Resolved);
        Assert.Equal(["CS0029", "CS1002"], f.State.Errors.Unresolved.Select(e => e.Code).Order().ToArray());

        f.Build();   // the syntax error is fixed and the conversion error is really gone now
        Assert.Equal(["CS0029", "CS1002"], f.State.Errors.Resolved.Select(e => e.Code).Order().ToArray());
    }

    [Fact]
    public void Analyzer_warnings_are_not_dropped_while_the_compile_fails()
    {
        var f = new BuildFixture();
        f.Build(Warning("CA1822", File, 5, "Member 'M' does not access instance data and can be marked as static"));
        f.Build(Error("CS0029", File, 10, Conversion));
        Assert.Equal("CA1822", Assert.Single(f.State.Warnings.Entries).Code);
    }

    [Fact]
    public void A_resolved_error_that_comes_back_is_flagged_with_the_earlier_resolution()
    {
        var f = new BuildFixture();
        f.Sources.Set(File, "int x = \"a\";");
        f.Build(Error("CS0029", File, 1, Conversion));
        f.Sources.Set(File, "int x = 1;");
        f.Build();
        f.Sources.Set(File, "// moved", "// down", "int x = \"a\";");
        f.Build(Error("CS0029", File, 3, Conversion));

        var entry = Assert.Single(f.State.Errors.Unresolved);
        Assert.Equal(f.State.Errors.Resolved[0].Fingerprint, entry.Fingerprint);
        Assert.Equal(f.State.Errors.Resolved[0].Resolution, entry.SeenBefore!.Resolution);
        var warning = Assert.Single(f.LastProblems);
        Assert.Equal("SR0101", warning.Code);
        Assert.StartsWith($"This error was seen before (session {f.State.SessionId}", warning.Message);
        Assert.Contains("Previous resolution: \"Line 1 changed from", warning.Message);
        Assert.Equal((File, 3), (warning.File, warning.Line));
    }

    [Fact]
    public void A_resolution_from_an_archived_session_on_another_machine_is_offered()
    {
        var f = new BuildFixture();
        var windowsFingerprint = SessionResume.Fingerprints.Fingerprint.ForDiagnostic("build", "CS0029",
            SessionResume.Common.SessionPaths.ToSessionPath(@"C:\work\repo\src\App\B.cs", @"C:\work\repo"), Conversion, @"C:\work\repo");
        var archived = new ResolvedError { Fingerprint = windowsFingerprint, Code = "CS0029", SessionId = "sess_20261101_002", Resolution = "Parsed the string" };
        var context = new SessionResume.Merge.MergeContext(f.Now, f.Sources) { LoadArchivedResolutions = () => [archived] };
        var problems = SessionResume.Merge.BuildMerge.Apply(f.State,
            new SessionResume.Observations.BuildObservation(Project, "net10.0", ["net10.0"], true, [Error("CS0029", File, 9, Conversion)], []), context);

        Assert.Equal("sess_20261101_002", f.State.Errors.Unresolved[0].SeenBefore!.SessionId);
        Assert.Contains("Previous resolution: \"Parsed the string\"", Assert.Single(problems).Message);
    }

    [Fact]
    public void A_changed_message_on_the_same_line_is_the_same_problem_evolving()
    {
        var f = new BuildFixture();
        f.Build(Error("CS0029", File, 10, Conversion));
        var first = f.State.Errors.Unresolved[0].Fingerprint;
        f.Build(Error("CS0029", File, 10, "Cannot implicitly convert type 'string' to 'bool'"));

        var entry = Assert.Single(f.State.Errors.Unresolved);
        Assert.NotEqual(first, entry.Fingerprint);
        Assert.Equal([first], entry.Aliases!);
        Assert.Equal(2, entry.Attempts);
        Assert.Empty(f.State.Errors.Resolved);
    }

    [Fact]
    public void Another_projects_build_leaves_this_projects_entries_untouched()
    {
        var f = new BuildFixture();
        f.Build(Error("CS0029", File, 10, Conversion));
        var before = SessionResume.Model.StateJson.Serialize(f.State.Errors.Unresolved);
        f.Build("net10.0", ["net10.0"], "src/Other/Other.csproj", true, Error("CS0103", "src/Other/X.cs", 1, "The name 'x' does not exist in the current context"));

        Assert.Equal(2, f.State.Errors.Unresolved.Count);
        Assert.Equal(before, SessionResume.Model.StateJson.Serialize(f.State.Errors.Unresolved.Where(e => e.Project == Project).ToList()));
    }

    [Fact]
    public void A_multi_targeted_error_is_one_entry_with_both_frameworks_and_one_attempt_per_build()
    {
        var f = new BuildFixture();
        string[] both = ["net10.0", "net8.0"];
        foreach (var tfm in new[] { "net8.0", "net10.0" })   // inner builds may finish in any order
            f.Build(tfm, both, Project, true, Error("CS0029", File, 10, Conversion));
        var entry = Assert.Single(f.State.Errors.Unresolved);
        Assert.Equal(["net10.0", "net8.0"], entry.TargetFrameworks);
        Assert.Equal(1, entry.Attempts);

        foreach (var tfm in both) f.Build(tfm, both, Project, true, Error("CS0029", File, 10, Conversion));
        Assert.Equal(2, Assert.Single(f.State.Errors.Unresolved).Attempts);

        f.Build("net8.0", both, Project, true);        // fixed for one framework only: still a problem
        Assert.Equal(["net10.0"], Assert.Single(f.State.Errors.Unresolved).TargetFrameworks);
        Assert.Empty(f.State.Errors.Resolved);
        f.Build("net10.0", both, Project, true);
        Assert.Empty(f.State.Errors.Unresolved);
        Assert.Single(f.State.Errors.Resolved);
    }

    [Fact]
    public void More_errors_than_the_cap_are_counted_as_omitted_never_dropped_silently()
    {
        var f = new BuildFixture();
        var many = Enumerable.Range(1, SessionResume.Merge.BuildMerge.MaxErrorsPerCompile + 30)
            .Select(i => Error("CS0103", File, i, $"The name 'v{i}' does not exist in the current context")).ToArray();
        f.Build(many);
        Assert.Equal(SessionResume.Merge.BuildMerge.MaxErrorsPerCompile, f.State.Errors.Unresolved.Count);
        Assert.Equal(30, f.State.Errors.Omitted![Project].Count);
        Assert.Equal(30, f.State.Errors.Omitted[Project].ByCode["CS0103"]);

        f.Build();
        Assert.Null(f.State.Errors.Omitted);
    }

    [Fact]
    public void Person_written_prompts_stay_first_and_generated_ones_follow_the_errors()
    {
        var f = new BuildFixture();
        f.State.NextPrompts.Add("Review the auth flow with the team");
        f.Build(Error("CS0029", File, 10, Conversion));
        Assert.Equal(["Review the auth flow with the team", $"Fix error CS0029 in {File} line 10: {Conversion}"], f.State.NextPrompts);
        f.Build();
        Assert.Equal(["Review the auth flow with the team"], f.State.NextPrompts);
    }
}
