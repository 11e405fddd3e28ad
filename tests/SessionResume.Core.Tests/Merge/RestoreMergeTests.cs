using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Tests.Support;
using SessionResume.Views;

namespace SessionResume.Tests.Merge;

/// <summary>A project's last restore merged into the state: NU errors in, resolved by a later good restore, the build failed.</summary>
public class RestoreMergeTests
{
    readonly BuildFixture fixture = new();
    static readonly BuildDiagnostic MissingPackage =
        BuildFixture.Error("NU1101", BuildFixture.Project, 0, "Unable to find package Does.Not.Exist. No packages exist with this id in source(s): x");

    static RestoreObservation Restore(bool succeeded, DateTime time, params BuildDiagnostic[] errors) =>
        new(BuildFixture.Project, succeeded, errors, ["net10.0"], time);

    List<SessionResume.Common.Problem> Apply(RestoreObservation restore) =>
        RestoreMerge.Apply(fixture.State, restore, new MergeContext(fixture.Now, fixture.Sources));

    [Fact]
    public void A_failed_restore_is_an_unresolved_error_of_its_project_and_a_failed_build()
    {
        var at = fixture.Now;
        Apply(Restore(false, at, MissingPackage));

        var entry = Assert.Single(fixture.State.Errors.Unresolved);
        Assert.Equal((ErrorOrigin.Restore, "NU1101", BuildFixture.Project, 1, at), (entry.Origin, entry.Code, entry.Project, entry.Attempts, entry.LastSeen));
        var build = fixture.State.Build.Projects[BuildFixture.Project];
        Assert.Equal((BuildOutcome.Failed, (int?)null, at), (build.Outcome, build.Errors, build.Time));
        Assert.Equal(
            $"❌ Last build failed: {BuildFixture.Project} — NU1101 in {BuildFixture.Project}: Unable to find package Does.Not.Exist." +
            " No packages exist with this id in source(s): x",
            Assert.Single(BuildFailures.Lines(fixture.State)));
    }

    [Fact]
    public void The_same_record_read_again_changes_nothing_and_a_newer_failure_counts_an_attempt()
    {
        var at = fixture.Now;
        Apply(Restore(false, at, MissingPackage));
        var once = StateJson.Serialize(fixture.State);
        Apply(Restore(false, at, MissingPackage));
        Assert.Equal(once, StateJson.Serialize(fixture.State));

        Apply(Restore(false, at.AddMinutes(2), MissingPackage));
        Assert.Equal(2, fixture.State.Errors.Unresolved[0].Attempts);
    }

    [Fact]
    public void A_later_successful_restore_resolves_it_and_an_older_one_does_not()
    {
        var at = fixture.Now;
        Apply(Restore(false, at, MissingPackage));
        Apply(Restore(true, at.AddMinutes(-5)));
        Assert.Single(fixture.State.Errors.Unresolved);

        Apply(Restore(true, at.AddMinutes(1)));
        Assert.Empty(fixture.State.Errors.Unresolved);
        var resolved = Assert.Single(fixture.State.Errors.Resolved);
        Assert.Equal(("NU1101", RestoreMerge.Resolution, at.AddMinutes(1)), (resolved.Code, resolved.Resolution, resolved.ResolvedAt));
    }

    [Fact]
    public void A_compile_never_resolves_a_restore_error_and_a_restore_never_resolves_a_compiler_error()
    {
        fixture.Build(BuildFixture.Error("CS0029", "src/App/B.cs", 4, "Cannot implicitly convert type 'string' to 'int'"));
        Apply(Restore(false, fixture.Now, MissingPackage));
        Assert.Equal(["CS0029", "NU1101"], fixture.State.Errors.Unresolved.Select(e => e.Code).Order());

        fixture.Now = fixture.Now.AddMinutes(5);
        fixture.Build();   // a clean compile (after a --no-restore build, say)
        Assert.Equal("NU1101", Assert.Single(fixture.State.Errors.Unresolved).Code);

        fixture.Build(BuildFixture.Error("CS0029", "src/App/B.cs", 4, "Cannot implicitly convert type 'string' to 'int'"));
        Apply(Restore(true, fixture.Now));
        Assert.Equal("CS0029", Assert.Single(fixture.State.Errors.Unresolved).Code);
    }

    [Fact]
    public void A_failed_restore_older_than_the_last_recorded_build_leaves_the_outcome()
    {
        var restoredAt = fixture.Now;
        fixture.Now = fixture.Now.AddMinutes(3);
        fixture.Build();
        Apply(Restore(false, restoredAt, MissingPackage));
        Assert.Equal(BuildOutcome.Succeeded, fixture.State.Build.Projects[BuildFixture.Project].Outcome);
    }

    [Fact]
    public void A_package_that_was_missing_before_is_flagged_with_its_earlier_fix()
    {
        var at = fixture.Now;
        Apply(Restore(false, at, MissingPackage));
        Apply(Restore(true, at.AddMinutes(1)));
        var problems = Apply(Restore(false, at.AddMinutes(2), MissingPackage));

        Assert.Contains(RestoreMerge.Resolution, Assert.Single(problems).Message, StringComparison.Ordinal);
        Assert.Equal(RestoreMerge.Resolution, fixture.State.Errors.Unresolved[0].SeenBefore?.Resolution);
    }
}
