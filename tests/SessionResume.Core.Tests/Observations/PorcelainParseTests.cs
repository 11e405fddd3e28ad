using SessionResume.Observations;

namespace SessionResume.Tests.Observations;

public class PorcelainParseTests
{
    const string Top = "/repo";

    static GitStatus Parse(params string[] entries) => GitFileChanges.Parse(Z(entries), Top, Top);

    /// <summary>Entries as git status -z writes them: each followed by NUL.</summary>
    static string Z(params string[] entries) => string.Concat(entries.Select(e => e + "\0"));

    [Fact]
    public void Nothing_changed_is_an_empty_status()
    {
        var status = GitFileChanges.Parse("", Top, Top);
        Assert.Empty(status.Created);
        Assert.Empty(status.Modified);
        Assert.Empty(status.Deleted);
    }

    [Theory]
    [InlineData("?? new.cs")]
    [InlineData("A  new.cs")]
    [InlineData("AM new.cs")]
    [InlineData("AT new.cs")]
    [InlineData(" A new.cs")]   // git add --intent-to-add
    public void Untracked_and_added_files_are_created(string entry)
    {
        var status = Parse(entry);
        Assert.Equal(["new.cs"], status.Created);
        Assert.Empty(status.Modified);
        Assert.Empty(status.Deleted);
    }

    [Theory]
    [InlineData(" M a.cs")]
    [InlineData("M  a.cs")]
    [InlineData("MM a.cs")]
    [InlineData(" T a.cs")]
    [InlineData("T  a.cs")]
    [InlineData("MT a.cs")]
    public void Changes_in_either_column_are_modified(string entry)
    {
        var status = Parse(entry);
        Assert.Equal(["a.cs"], status.Modified);
        Assert.Empty(status.Created);
        Assert.Empty(status.Deleted);
    }

    [Theory]
    [InlineData(" D gone.cs")]
    [InlineData("D  gone.cs")]
    [InlineData("MD gone.cs")]   // staged change, then deleted: the working tree is the latest word
    [InlineData("TD gone.cs")]
    public void Deletions_in_either_column_are_deleted(string entry)
    {
        var status = Parse(entry);
        Assert.Equal(["gone.cs"], status.Deleted);
        Assert.Empty(status.Created);
        Assert.Empty(status.Modified);
    }

    [Theory]
    [InlineData("UU both.cs")]
    [InlineData("AA both.cs")]
    [InlineData("DD both.cs")]
    [InlineData("AU both.cs")]
    [InlineData("UA both.cs")]
    [InlineData("DU both.cs")]
    [InlineData("UD both.cs")]
    public void Merge_conflicts_are_modified(string entry) => Assert.Equal(["both.cs"], Parse(entry).Modified);

    [Fact]
    public void A_rename_creates_the_new_path_and_deletes_the_old_one()
    {
        // With -z the new path comes first and the old one follows as its own field.
        var status = Parse("R  src/New.cs", "src/Old.cs", " M other.cs");
        Assert.Equal(["src/New.cs"], status.Created);
        Assert.Equal(["src/Old.cs"], status.Deleted);
        Assert.Equal(["other.cs"], status.Modified);
    }

    [Fact]
    public void A_renamed_file_changed_afterwards_is_still_a_creation()
    {
        var status = Parse("RM New.cs", "Old.cs");
        Assert.Equal(["New.cs"], status.Created);
        Assert.Equal(["Old.cs"], status.Deleted);
    }

    [Fact]
    public void A_rename_whose_new_path_was_deleted_again_only_deletes_the_old_path()
    {
        var status = Parse("RD New.cs", "Old.cs");
        Assert.Empty(status.Created);
        Assert.Equal(["Old.cs"], status.Deleted);
    }

    [Fact]
    public void A_rename_seen_by_the_working_tree_column_also_has_its_old_path()
    {
        var status = Parse(" R New.cs", "Old.cs", "?? z.txt");
        Assert.Equal(["New.cs", "z.txt"], status.Created);
        Assert.Equal(["Old.cs"], status.Deleted);
    }

    [Fact]
    public void A_copy_creates_the_new_path_and_leaves_the_source_alone()
    {
        var status = Parse("C  Copy.cs", "Original.cs");
        Assert.Equal(["Copy.cs"], status.Created);
        Assert.Empty(status.Deleted);
        Assert.Empty(status.Modified);
    }

    [Fact]
    public void A_file_added_then_deleted_is_no_change()
    {
        var status = Parse("AD temp.cs");
        Assert.Empty(status.Created);
        Assert.Empty(status.Deleted);
    }

    [Fact]
    public void Deleted_from_the_index_but_still_on_disk_is_modified()
    {
        // git rm --cached: the file was there before and is there now.
        var status = Parse("D  kept.cs", "?? kept.cs");
        Assert.Equal(["kept.cs"], status.Modified);
        Assert.Empty(status.Created);
        Assert.Empty(status.Deleted);
    }

    [Fact]
    public void Ignored_entries_and_damaged_ones_are_skipped()
    {
        var status = Parse("!! bin/x.dll", "X", "", "?? ok.cs", "M?x");
        Assert.Equal(["ok.cs"], status.Created);
        Assert.Empty(status.Modified);
    }

    [Fact]
    public void Spaces_unicode_and_arrows_in_names_are_kept_as_they_are()
    {
        var status = Parse("?? docs/My Notes.md", " M src/Überprüfung ü.cs", "R  a -> b.txt", "old name.txt", "?? 日本語/ファイル.cs");
        Assert.Equal(["a -> b.txt", "docs/My Notes.md", "日本語/ファイル.cs"], status.Created);
        Assert.Equal(["src/Überprüfung ü.cs"], status.Modified);
        Assert.Equal(["old name.txt"], status.Deleted);
    }

    [Fact]
    public void Lists_are_sorted_ordinally()
    {
        var status = Parse("?? b.cs", "?? B.cs", "?? a/z.cs", "?? a.cs", "?? _x.cs");
        Assert.Equal(["B.cs", "_x.cs", "a.cs", "a/z.cs", "b.cs"], status.Created);
    }

    [Fact]
    public void Paths_are_made_relative_to_a_root_below_the_repository_top_and_those_outside_are_dropped()
    {
        var porcelain = Z("?? app/src/New.cs", " M app/Readme.md", " M lib/Other.cs", "?? application.txt", "D  app/gone.cs",
            "R  app/Moved.cs", "lib/Moved.cs", "R  lib/Out.cs", "app/Out.cs");
        var status = GitFileChanges.Parse(porcelain, "/repo", "/repo/app");
        Assert.Equal(["Moved.cs", "src/New.cs"], status.Created);
        Assert.Equal(["Readme.md"], status.Modified);
        Assert.Equal(["Out.cs", "gone.cs"], status.Deleted);
    }

    [Fact]
    public void Windows_paths_for_the_top_and_root_work_the_same()
    {
        var status = GitFileChanges.Parse(Z("?? app/src/New.cs", "?? other/x.cs"), @"C:\repo", @"c:\repo\app\");
        Assert.Equal(["src/New.cs"], status.Created);
    }

    [Fact]
    public void A_change_to_the_root_folder_itself_is_not_a_file()
    {
        // A submodule mounted at the session root shows up as the root's own path.
        var status = GitFileChanges.Parse(Z(" M app", " M app/x.cs"), "/repo", "/repo/app");
        Assert.Equal(["x.cs"], status.Modified);
    }
}
