using System.Text.Json;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Tests.Merge;

public class FileChangeMergeTests
{
    static readonly string[] Own = [".session-state.json", ".session-history/", "token-cache/"];

    static GitStatus Status(string[]? created = null, string[]? modified = null, string[]? deleted = null) =>
        new(created ?? [], modified ?? [], deleted ?? []);

    [Fact]
    public void The_first_report_fills_the_lists()
    {
        var files = new FileChanges();
        Assert.True(FileChangeMerge.Apply(files, Status(["b.cs", "a.cs"], ["m.cs"], ["d.cs"]), Own));
        Assert.Equal(["a.cs", "b.cs"], files.Created);
        Assert.Equal(["m.cs"], files.Modified);
        Assert.Equal(["d.cs"], files.Deleted);
        Assert.Equal(0, files.Omitted);
    }

    [Fact]
    public void Files_no_longer_reported_stay_because_they_were_changed_in_this_session()
    {
        var files = new FileChanges();
        FileChangeMerge.Apply(files, Status(["a.cs"], ["m.cs"], ["d.cs"]), Own);
        // Everything committed, then one more edit.
        FileChangeMerge.Apply(files, Status(modified: ["other.cs"]), Own);
        Assert.Equal(["a.cs"], files.Created);
        Assert.Equal(["m.cs", "other.cs"], files.Modified);
        Assert.Equal(["d.cs"], files.Deleted);
    }

    [Fact]
    public void A_files_latest_status_wins_and_it_moves_between_lists()
    {
        var files = new FileChanges();
        FileChangeMerge.Apply(files, Status(["a.cs"], ["m.cs"], ["d.cs"]), Own);
        FileChangeMerge.Apply(files, Status(created: ["d.cs"], modified: ["a.cs"], deleted: ["m.cs"]), Own);
        Assert.Equal(["d.cs"], files.Created);
        Assert.Equal(["a.cs"], files.Modified);
        Assert.Equal(["m.cs"], files.Deleted);
    }

    [Fact]
    public void The_same_report_twice_changes_nothing()
    {
        var files = new FileChanges();
        var status = Status(["a.cs"], ["m.cs"], ["d.cs"]);
        Assert.True(FileChangeMerge.Apply(files, status, Own));
        Assert.False(FileChangeMerge.Apply(files, status, Own));
        Assert.False(FileChangeMerge.Apply(files, GitStatus.Empty, Own));
        Assert.Equal(["a.cs"], files.Created);
    }

    [Theory]
    [InlineData(".session-state.json")]
    [InlineData(".session-state.json.lock")]
    [InlineData(".session-state.json.tmp-1234abcd")]
    [InlineData(".session-state.json.corrupt-20261124T200000Z")]
    [InlineData(".Session-State.json")]
    [InlineData(".session-history/sess_20261124_001.json")]
    [InlineData(".session-history/sess_20261123_001.json.gz")]
    [InlineData("token-cache/summaries.md")]
    public void The_packages_own_files_are_never_listed(string path)
    {
        var files = new FileChanges();
        Assert.False(FileChangeMerge.Apply(files, Status([path], [path], [path]), Own));
        Assert.Empty(files.Created);
        Assert.Empty(files.Modified);
        Assert.Empty(files.Deleted);
    }

    [Theory]
    [InlineData("src/.session-state.json")]
    [InlineData(".session-state.json5")]
    [InlineData(".session-history-notes.md")]
    [InlineData("docs/token-cache/x.md")]
    [InlineData(".session-resume.json")]
    public void Files_that_only_look_like_the_packages_own_are_listed(string path)
    {
        var files = new FileChanges();
        FileChangeMerge.Apply(files, Status([path]), Own);
        Assert.Equal([path], files.Created);
    }

    [Fact]
    public void Own_files_already_in_the_lists_are_taken_out()
    {
        var files = new FileChanges { Created = [".session-state.json", "a.cs"], Modified = ["token-cache/summaries.md"] };
        Assert.True(FileChangeMerge.Apply(files, GitStatus.Empty, Own));
        Assert.Equal(["a.cs"], files.Created);
        Assert.Empty(files.Modified);
    }

    [Fact]
    public void Custom_locations_of_the_state_and_history_are_excluded()
    {
        var own = OwnPaths.For("/repo", "state/session.json", "/repo/archive/sessions");
        Assert.Equal(["state/session.json", "archive/sessions/", "token-cache/"], own);
        var files = new FileChanges();
        FileChangeMerge.Apply(files,
            Status(["state/session.json.lock", "archive/sessions/s.json", "state/other.json", ".session-state.json"]), own);
        Assert.Equal([".session-state.json", "state/other.json"], files.Created);
    }

    [Fact]
    public void Own_locations_outside_the_root_need_no_exclusion()
    {
        Assert.Equal(["token-cache/"], OwnPaths.For("/repo", "/elsewhere/state.json", "../history"));
        Assert.Equal([".session-state.json", ".session-history/", "token-cache/"], OwnPaths.For("/repo", ".session-state.json", ".session-history"));
        Assert.Equal([".session-state.json", ".session-history/", "token-cache/"], OwnPaths.For(@"C:\repo", @"C:\repo\.session-state.json", @".session-history\"));
    }

    [Fact]
    public void Own_paths_may_be_written_with_a_leading_dot_slash_or_backslashes()
    {
        var files = new FileChanges();
        FileChangeMerge.Apply(files, Status(["state/s.json", "hist/a.json", "keep.cs"]), ["./state/s.json", @"hist\"]);
        Assert.Equal(["keep.cs"], files.Created);
    }

    [Fact]
    public void Each_list_is_capped_and_the_number_left_out_is_added_up()
    {
        var created = Enumerable.Range(0, 250).Select(i => $"new/{i:D3}.cs").ToArray();
        var deleted = Enumerable.Range(0, 210).Select(i => $"old/{i:D3}.cs").ToArray();
        var files = new FileChanges();
        FileChangeMerge.Apply(files, Status(created, ["m.cs"], deleted), Own);
        Assert.Equal(FileChangeMerge.MaxPerList, files.Created.Count);
        Assert.Equal(created.Take(200), files.Created);
        Assert.Equal(["m.cs"], files.Modified);
        Assert.Equal(deleted.Take(200), files.Deleted);
        Assert.Equal(60, files.Omitted);
    }

    [Fact]
    public void The_same_oversized_report_twice_does_not_count_the_left_out_files_again()
    {
        var created = Enumerable.Range(0, 230).Select(i => $"f{i:D3}.cs").ToArray();
        var files = new FileChanges();
        Assert.True(FileChangeMerge.Apply(files, Status(created), Own));
        Assert.False(FileChangeMerge.Apply(files, Status(created), Own));
        Assert.Equal(30, files.Omitted);
        Assert.Equal(200, files.Created.Count);
    }

    [Fact]
    public void Over_the_cap_what_git_reports_now_is_kept_before_earlier_files()
    {
        var earlier = Enumerable.Range(0, 200).Select(i => $"a/{i:D3}.cs").ToArray();
        var files = new FileChanges();
        FileChangeMerge.Apply(files, Status(earlier), Own);
        FileChangeMerge.Apply(files, Status(["z/new.cs"]), Own);
        Assert.Equal(200, files.Created.Count);
        Assert.Contains("z/new.cs", files.Created);
        Assert.DoesNotContain("a/199.cs", files.Created);
        Assert.Equal("z/new.cs", files.Created[^1]);   // still sorted
        Assert.Equal(1, files.Omitted);
    }

    [Fact]
    public void The_left_out_count_never_shrinks_within_a_session()
    {
        var files = new FileChanges { Omitted = 12 };
        FileChangeMerge.Apply(files, Status(["a.cs"]), Own);
        Assert.Equal(12, files.Omitted);
    }

    [Fact]
    public void Hand_edited_lists_with_duplicates_and_any_order_come_out_clean()
    {
        var files = new FileChanges { Created = ["b.cs", "a.cs", "b.cs"], Modified = ["a.cs"] };
        FileChangeMerge.Apply(files, GitStatus.Empty, Own);
        Assert.Equal(["a.cs", "b.cs"], files.Created);   // a path in two lists: created is the more telling
        Assert.Empty(files.Modified);
    }

    [Fact]
    public void Keys_a_person_added_to_the_section_survive()
    {
        using var note = JsonDocument.Parse("\"reviewed\"");
        var files = new FileChanges { Extra = new() { ["note"] = note.RootElement.Clone() } };
        FileChangeMerge.Apply(files, Status(["a.cs"]), Own);
        Assert.Equal("reviewed", files.Extra!["note"].GetString());
    }
}
