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
            ResolutionDescriber.Describe(Entry, sources, _ => GitHunks.Parse(Diff)));
    }

    [Fact]
    public void A_changed_line_names_what_replaced_it_and_no_matching_hunk_falls_back_to_the_line()
    {
        var entry = new ErrorEntry { Code = "CS0029", File = "src/A.cs", Line = 3, Source = "int x = \"a\";" };
        var sources = new BuildFixture.FakeSources();
        sources.Set("src/A.cs", "", "", "    int x = 1;");
        Assert.Equal("Line 3 changed from `int x = \"a\";` to `int x = 1;` (git diff).",
            ResolutionDescriber.Describe(entry, sources, _ => GitHunks.Parse(Diff)));
        Assert.Equal("Line 3 changed from `int x = \"a\";` to `int x = 1;`.", ResolutionDescriber.Describe(entry, sources, _ => []));
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
}
