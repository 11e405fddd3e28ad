using SessionResume.Merge;
using SessionResume.Model;
using static SessionResume.Tests.Merge.MergeInputs;
using static SessionResume.Tests.Support.States;

namespace SessionResume.Tests.Merge;

public class StateFileMergeErrorTests
{
    static SessionState MergedIntoCurrent()
    {
        var current = State("sess_20261124_001");
        StateFileMerge.Merge(current, Linux(), "linux.json");
        StateFileMerge.Merge(current, Windows(), "windows.json");
        return current;
    }

    [Fact]
    public void Overlapping_errors_become_one_entry_with_the_higher_attempts_and_both_labels()
    {
        var merged = MergedIntoCurrent();

        Assert.Equal([Shared, LinuxOnly, WindowsOnly], merged.Errors.Unresolved.Select(e => e.Fingerprint).Order(StringComparer.Ordinal));
        var shared = merged.Errors.Unresolved.Single(e => e.Fingerprint == Shared);
        Assert.Equal(5, shared.Attempts);
        Assert.Equal(["linux.json", "windows.json"], shared.SeenIn);
        Assert.Equal((At(-10), At(65)), (shared.FirstSeen, shared.LastSeen));
        Assert.Equal(["net10.0", "net8.0"], shared.TargetFrameworks);
        Assert.Equal("sess_20261124_101", shared.FirstSeenSession);
        // Where it is reported now comes from the file that saw it last.
        Assert.Equal(44, shared.Line);
        Assert.Equal([50], shared.OtherLines!);
        Assert.Equal(["linux.json"], merged.Errors.Unresolved.Single(e => e.Fingerprint == LinuxOnly).SeenIn);
        Assert.Equal(["windows.json"], merged.Errors.Unresolved.Single(e => e.Fingerprint == WindowsOnly).SeenIn);
    }

    [Fact]
    public void Entries_without_a_first_session_were_first_seen_in_their_files_session()
    {
        var merged = MergedIntoCurrent();
        Assert.Equal("sess_20261124_101", merged.Errors.Unresolved.Single(e => e.Fingerprint == LinuxOnly).FirstSeenSession);
        Assert.Equal("sess_20261124_201", merged.Errors.Unresolved.Single(e => e.Fingerprint == WindowsOnly).FirstSeenSession);
    }

    [Fact]
    public void The_same_fingerprint_in_another_project_is_another_entry()
    {
        var target = State();
        target.Errors.Unresolved = [Error(Shared)];
        var input = State(minutes: 10);
        input.Errors.Unresolved = [Error(Shared, project: "src/Lib/Lib.csproj")];

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal([App, "src/Lib/Lib.csproj"], target.Errors.Unresolved.Select(e => e.Project));
    }

    [Fact]
    public void An_error_that_evolved_on_one_side_is_matched_through_its_alias()
    {
        var target = State();
        var evolved = Error("1234123412341234", seen: 0, attempts: 2);
        evolved.LastSeen = At(20);
        evolved.Aliases = [Shared];
        target.Errors.Unresolved = [evolved];
        var input = State(minutes: 10);
        input.Errors.Unresolved = [Error(Shared, seen: 5, attempts: 4)];

        StateFileMerge.Merge(target, input, "ci.json");

        var e = Assert.Single(target.Errors.Unresolved);
        Assert.Equal(("1234123412341234", 4), (e.Fingerprint, e.Attempts));
        Assert.Equal([Shared], e.Aliases!);
    }

    [Fact]
    public void Resolved_errors_are_united_keeping_the_newer_resolution_newest_first()
    {
        var target = State(minutes: 100);
        target.Errors.Resolved = [Resolved("1111111111111111", "old text", minutes: 10), Resolved("2222222222222222", "target only", minutes: 30)];
        var input = State(minutes: 100);
        input.Errors.Resolved = [Resolved("1111111111111111", "new text", minutes: 40), Resolved("3333333333333333", "input only", minutes: 20)];

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(["new text", "target only", "input only"], target.Errors.Resolved.Select(r => r.Resolution));
    }

    [Fact]
    public void An_older_input_does_not_bring_back_an_error_resolved_since()
    {
        var target = State(minutes: 100);
        target.Errors.Resolved = [Resolved(Shared, "Parsed the text", minutes: 30, code: "CS0029")];
        var input = State(minutes: 20);
        input.Errors.Unresolved = [Error(Shared)];

        StateFileMerge.Merge(target, input, "old-ci.json");

        Assert.Empty(target.Errors.Unresolved);
        Assert.Equal(["old-ci.json"], target.MergedFrom);
    }

    [Fact]
    public void A_newer_input_still_reporting_a_resolved_error_brings_it_back_with_the_earlier_resolution()
    {
        var target = State(minutes: 100);
        target.Errors.Resolved = [Resolved(Shared, "Parsed the text", minutes: 30, code: "CS0029")];
        var input = State(minutes: 40);
        input.Errors.Unresolved = [Error(Shared)];

        StateFileMerge.Merge(target, input, "new-ci.json");

        var e = Assert.Single(target.Errors.Unresolved);
        Assert.Equal(("sess_20261123_002", "Parsed the text"), (e.SeenBefore!.SessionId, e.SeenBefore.Resolution));
        Assert.Single(target.Errors.Resolved);
    }

    [Fact]
    public void An_input_that_resolved_an_error_after_the_target_last_looked_resolves_it_there_too()
    {
        var target = State(minutes: 20);
        target.Errors.Unresolved = [Error(Shared)];
        var input = State(minutes: 100);
        input.Errors.Resolved = [Resolved(Shared, "Parsed the text", minutes: 30, code: "CS0029")];

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Empty(target.Errors.Unresolved);
        Assert.Equal("Parsed the text", Assert.Single(target.Errors.Resolved).Resolution);
    }

    [Fact]
    public void A_target_newer_than_the_inputs_resolution_keeps_its_error()
    {
        var target = State(minutes: 40);
        target.Errors.Unresolved = [Error(Shared)];
        var input = State(minutes: 100);
        input.Errors.Resolved = [Resolved(Shared, minutes: 30, code: "CS0029")];

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Single(target.Errors.Unresolved);
        Assert.Single(target.Errors.Resolved);
    }

    [Theory]
    [InlineData(20, 30)]   // the unresolved side is older than the fix
    [InlineData(40, 30)]   // the unresolved side saw it after the fix
    public void A_fix_and_a_sighting_are_weighed_the_same_in_both_directions(int unresolvedAt, int resolvedAt)
    {
        SessionState Reporting() { var s = State("sess_a", unresolvedAt); s.Errors.Unresolved = [Error(Shared)]; return s; }
        SessionState Fixing() { var s = State("sess_b", 100); s.Errors.Resolved = [Resolved(Shared, minutes: resolvedAt, code: "CS0029")]; return s; }

        var ab = Reporting();
        StateFileMerge.Merge(ab, Fixing(), "b.json");
        var ba = Fixing();
        StateFileMerge.Merge(ba, Reporting(), "a.json");

        Assert.Equal(Sets(ab), Sets(ba));
        Assert.Equal(unresolvedAt > resolvedAt, ab.Errors.Unresolved.Count == 1);
    }

    [Fact]
    public void Warning_counts_come_from_the_newer_file_and_are_never_added_up()
    {
        var merged = MergedIntoCurrent();
        Assert.Equal(3, merged.Warnings.Counts[App]["net8.0"]["CS0168"]);
        Assert.Equal(1, merged.Warnings.Counts[App]["net10.0"]["CS0168"]);
        Assert.Equal((3, 3), (merged.Warnings.ByCode["CS0168"], merged.Warnings.Total));

        var reversed = State("sess_20261124_001");
        StateFileMerge.Merge(reversed, Windows(), "windows.json");
        StateFileMerge.Merge(reversed, Linux(), "linux.json");
        Assert.Equal(Json(merged.Warnings), Json(reversed.Warnings));
    }

    [Fact]
    public void Warning_entries_are_united_like_errors()
    {
        var target = State();
        target.Warnings.Entries = [Error("5555555555555555", code: "CS0168", attempts: 1)];
        var input = State(minutes: 10);
        input.Warnings.Entries = [Error("5555555555555555", code: "CS0168", attempts: 2), Error("6666666666666666", code: "CS0219")];

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(["5555555555555555", "6666666666666666"], target.Warnings.Entries.Select(e => e.Fingerprint).Order());
        Assert.Equal(2, target.Warnings.Entries.Single(e => e.Code == "CS0168").Attempts);
    }

    [Fact]
    public void Omitted_error_counts_come_from_the_newer_file()
    {
        var target = State(minutes: 10);
        target.Errors.Omitted = new(StringComparer.Ordinal) { [App] = new OmittedCount { Count = 5 } };
        var input = State(minutes: 20);
        input.Errors.Omitted = new(StringComparer.Ordinal) { [App] = new OmittedCount { Count = 7 }, ["src/Lib/Lib.csproj"] = new OmittedCount { Count = 1 } };

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal((7, 1), (target.Errors.Omitted[App].Count, target.Errors.Omitted["src/Lib/Lib.csproj"].Count));
    }

    [Fact]
    public void Paths_from_another_machine_are_kept_as_written()
    {
        var input = State(minutes: 10);
        input.Errors.Unresolved = [Error("7777777777777777", file: "src/Ünïcode dir/Ä.cs"), Error("8888888888888888", file: "{ext}/Generated.cs")];
        var target = State();

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(["src/Ünïcode dir/Ä.cs", "{ext}/Generated.cs"], target.Errors.Unresolved.Select(e => e.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generated_prompts_follow_the_merged_errors()
    {
        var merged = MergedIntoCurrent();
        // As the write path does after every change.
        NextPrompts.Regenerate(merged);
        Assert.Contains("Fix error CA1416 in src/App/Registry.cs line 9: This call site is reachable on all platforms.", merged.NextPrompts);
    }
}
