using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Tests.Support;

namespace SessionResume.Tests.Merge;

/// <summary>With git, a fix is named by the hunk that removed the offending line, not by whatever line now sits at its number.</summary>
public class ResolutionFromDiffTests
{
    static readonly ErrorEntry Entry = new() { Code = "CS0103", File = "src/A.cs", Line = 15, Source = "private static int bad = undefinedName;" };

    const string Diff = """
        diff --git a/src/A.cs b/src/A.cs
        --- a/src/A.cs
        +++ b/src/A.cs
        @@ -3 +3 @@ namespace A;
        -    int x = "a";
        +    int x = 1;
        @@ -15 +14,0 @@ public class A
        -    private static int bad = undefinedName;
        """;

    [Fact]
    public void A_deleted_line_is_named_as_removed_where_the_line_compare_would_name_its_neighbour()
    {
        var sources = new BuildFixture.FakeSources();
        sources.Set("src/A.cs", Enumerable.Range(1, 20).Select(i => i == 15 ? "    private static readonly string Prefix = \"x\";" : "").ToArray());

        Assert.StartsWith("Line 15 changed from", ResolutionDescriber.Describe(Entry, sources), StringComparison.Ordinal);
        Assert.Equal("Line 15 (`private static int bad = undefinedName;`) was removed (git diff).",
            ResolutionDescriber.Describe(Entry, sources, _ => [new FileDiff(GitHunks.Parse(Diff), SameAsBase: false)]));
    }

    [Fact]
    public void A_changed_line_names_what_replaced_it_and_no_matching_hunk_falls_back_to_the_line()
    {
        var entry = new ErrorEntry { Code = "CS0029", File = "src/A.cs", Line = 3, Source = "int x = \"a\";" };
        var sources = new BuildFixture.FakeSources();
        sources.Set("src/A.cs", "", "", "    int x = 1;");
        Assert.Equal("Line 3 changed from `int x = \"a\";` to `int x = 1;` (git diff).",
            ResolutionDescriber.Describe(entry, sources, _ => [new FileDiff(GitHunks.Parse(Diff), SameAsBase: false)]));
        Assert.Equal("Line 3 changed from `int x = \"a\";` to `int x = 1;`.", ResolutionDescriber.Describe(entry, sources, _ => [FileDiff.None]));
    }

    [Fact]
    public void Hunks_keep_their_removed_and_added_lines_in_order()
    {
        var hunks = GitHunks.Parse(Diff);
        Assert.Equal(2, hunks.Count);
        Assert.Equal(["    int x = \"a\";"], hunks[0].Removed);
        Assert.Equal(["    int x = 1;"], hunks[0].Added);
        Assert.Empty(hunks[1].Added);
    }

    [Fact]
    public void A_file_back_as_it_was_committed_says_the_change_was_undone_not_which_line_moved_up()
    {
        var entry = new ErrorEntry { Code = "CS0029", File = "src/A.cs", Line = 14, Source = "int bad = \"x\";", FileHash = "seen" };
        var sources = new BuildFixture.FakeSources();
        sources.Set("src/A.cs", Enumerable.Range(1, 20).Select(i => i == 14 ? "static readonly Action Default = () => { };" : "").ToArray());
        sources.Hashes["src/A.cs"] = "now";
        Assert.Equal("src/A.cs is back as it was committed: the change that brought the error was undone (git diff).",
            ResolutionDescriber.Describe(entry, sources, _ => [new FileDiff([], SameAsBase: true)]));

        // Unchanged since the error was seen: it was fixed elsewhere, as the line compare says.
        sources.Hashes["src/A.cs"] = "seen";
        Assert.StartsWith("Line 14 changed", ResolutionDescriber.Describe(entry, sources, _ => [new FileDiff([], SameAsBase: true)]),
            StringComparison.Ordinal);
    }
}
