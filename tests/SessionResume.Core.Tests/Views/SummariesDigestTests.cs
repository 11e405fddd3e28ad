using System.Text;
using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Tests.Infrastructure;
using SessionResume.Tests.Support;
using SessionResume.Views;

namespace SessionResume.Tests.Views;

public class SummariesDigestTests
{
    static SessionState Sample(string id = "sess_20261124_002") => new()
    {
        SessionId = id,
        Timestamp = new DateTime(2026, 11, 24, 14, 5, 0, DateTimeKind.Utc),
        DurationMinutes = 45,
        Objectives = { Primary = "Implement JWT auth", Status = "in-progress" },
        Progress = { Completed = ["Auth middleware", "Token refresh", "Claims"], InProgress = ["Login page"] },
        Todos = ["Docs"],
        Errors =
        {
            Unresolved = [new ErrorEntry { Code = "CS0029", File = "src/B.cs", Line = 42, Error = "Cannot convert" }],
            Resolved =
            [
                new ResolvedError { Code = "CS0103", SessionId = id },
                new ResolvedError { Code = "CS0103" },
                new ResolvedError { Code = "CS1002", SessionId = "sess_20261123_001" },   // carried over: fixed back then
            ],
        },
        Tests = { Passing = 24, Failing = 2, FailedPaths = ["tests/App.Tests/AuthTests.cs:AuthTests.Login", "tests/App.Tests/AuthTests.cs:AuthTests.Logout"] },
        NextPrompts = ["", "Fix error CS0029 in src/B.cs line 42"],
    };

    [Fact]
    public void A_section_says_what_the_session_was_and_what_is_left()
    {
        Assert.Equal("""
            ## sess_20261124_002 · 2026-11-24 14:05 UTC · 45 min
            - Objective: Implement JWT auth (in-progress, 60%)
            - Done: Auth middleware; Token refresh; Claims
            - Errors: 2 fixed, 1 open (CS0029 src/B.cs:42)
            - Tests: 24 passing, 2 failing (tests/App.Tests/AuthTests.cs:AuthTests.Login; tests/App.Tests/AuthTests.cs:AuthTests.Logout)
            - Next: Fix error CS0029 in src/B.cs line 42

            """.Replace("\r\n", "\n"), SummariesDigest.Section(Sample()));
    }

    [Fact]
    public void Lines_with_nothing_to_say_are_left_out()
    {
        var empty = new SessionState { SessionId = "sess_20261124_001", DurationMinutes = 3 };
        Assert.Equal("## sess_20261124_001 · 3 min\n", SummariesDigest.Section(empty));

        // Without an objective, an explicit status still earns a line of its own.
        empty.Objectives.Status = "blocked";
        Assert.Equal("## sess_20261124_001 · 3 min\n- Status: blocked, 0%\n", SummariesDigest.Section(empty));
    }

    [Fact]
    public void Long_lists_are_cut_with_and_n_more_counting_what_the_list_left_out()
    {
        var state = Sample();
        state.Progress.Completed = Enumerable.Range(1, 8).Select(i => $"item {i}").ToList();
        state.Errors.Unresolved = Enumerable.Range(1, 4).Select(i => new ErrorEntry { Code = "CS0029", File = $"src/F{i}.cs", Line = i }).ToList();
        state.Errors.Omitted = new(StringComparer.Ordinal) { ["src/App/App.csproj"] = new OmittedCount { Count = 10 } };
        state.Errors.Unresolved.Insert(0, new ErrorEntry());   // nothing to name: counted, not listed
        state.Tests.Failing = 7;

        var section = SummariesDigest.Section(state);

        Assert.Contains("- Done: item 1; item 2; item 3; item 4; item 5; and 3 more\n", section);
        Assert.Contains("- Errors: 2 fixed, 15 open (CS0029 src/F1.cs:1; CS0029 src/F2.cs:2; CS0029 src/F3.cs:3; and 12 more)\n", section);
        Assert.Contains("; and 5 more)\n", section.Split('\n').Single(l => l.StartsWith("- Tests:", StringComparison.Ordinal)) + "\n");
    }

    [Fact]
    public void Without_next_prompts_the_restore_summarys_next_action_is_used_but_not_its_generic_fallback()
    {
        var state = Sample();
        state.NextPrompts.Clear();
        Assert.Contains("- Next: Continue: Login page\n", SummariesDigest.Section(state));

        state.Progress.InProgress.Clear();
        state.Todos.Clear();
        Assert.DoesNotContain("- Next:", SummariesDigest.Section(state));
    }

    [Fact]
    public void Line_breaks_and_markdown_in_values_cannot_break_the_layout_and_stay_readable()
    {
        var state = Sample();
        state.Objectives.Primary = "Fix the parser\n## Not a heading\r\n- not an item\u2028`List<string>` vs a < b ✨ 日本語";
        state.Progress.Completed = ["one\ntwo"];

        var section = SummariesDigest.Section(state);

        Assert.Contains("- Objective: Fix the parser ## Not a heading - not an item `List\\<string>` vs a < b ✨ 日本語 (in-progress, 33%)\n", section);
        Assert.Contains("- Done: one two\n", section);
        Assert.Equal(6, section.TrimEnd('\n').Split('\n').Length);
        Assert.Single(section.Split('\n'), l => l.StartsWith("## ", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_creates_the_file_under_its_title()
    {
        using var root = new TempDirectory();
        var problems = new List<Problem>();

        SummariesDigest.Write(root.Path, Sample(), problems);

        Assert.Empty(problems);
        Assert.Equal("# Session summaries\n\n" + SummariesDigest.Section(Sample()), Read(root));
    }

    [Fact]
    public void A_new_session_goes_first_and_the_same_session_again_is_replaced_where_it_stands()
    {
        using var root = new TempDirectory();
        var problems = new List<Problem>();
        foreach (var n in new[] { 1, 2, 3 }) SummariesDigest.Write(root.Path, Sample(ArchiveFixture.Id(n)), problems);
        Assert.Equal(["sess_20261124_003", "sess_20261124_002", "sess_20261124_001"], HeadingIds(Read(root)));

        var again = Sample(ArchiveFixture.Id(2));
        again.Objectives.Primary = "Changed objective";
        SummariesDigest.Write(root.Path, again, problems);

        Assert.Empty(problems);
        var text = Read(root);
        Assert.Equal(["sess_20261124_003", "sess_20261124_002", "sess_20261124_001"], HeadingIds(text));
        Assert.Contains("- Objective: Changed objective", text);
        Assert.Equal(2, CountOf(text, "- Objective: Implement JWT auth"));
        Assert.Equal(SummariesDigest.Section(again), Sections(text)[1] + "\n");
    }

    [Fact]
    public void At_most_MaxSections_are_kept_dropping_the_oldest()
    {
        using var root = new TempDirectory();
        var problems = new List<Problem>();
        for (var n = 1; n <= SummariesDigest.MaxSections + 5; n++) SummariesDigest.Write(root.Path, Sample(ArchiveFixture.Id(n)), problems);

        Assert.Empty(problems);
        var ids = HeadingIds(Read(root));
        Assert.Equal(SummariesDigest.MaxSections, ids.Count);
        Assert.Equal(ArchiveFixture.Id(SummariesDigest.MaxSections + 5), ids[0]);
        Assert.Equal(ArchiveFixture.Id(6), ids[^1]);
    }

    [Fact]
    public void At_most_MaxBytes_are_kept_dropping_the_oldest_but_never_the_session_just_written()
    {
        using var root = new TempDirectory();
        var problems = new List<Problem>();
        for (var n = 1; n <= SummariesDigest.MaxSections; n++) SummariesDigest.Write(root.Path, Largest(ArchiveFixture.Id(n)), problems);
        var bytes = File.ReadAllBytes(SummariesPath(root));
        var kept = HeadingIds(Encoding.UTF8.GetString(bytes));
        Assert.True(bytes.Length <= SummariesDigest.MaxBytes, $"{bytes.Length} bytes");
        // The byte cap, not the section cap, is what bit: fewer than MaxSections are left.
        Assert.InRange(kept.Count, 2, SummariesDigest.MaxSections - 1);
        Assert.Equal(Enumerable.Range(SummariesDigest.MaxSections + 1 - kept.Count, kept.Count).Reverse().Select(n => ArchiveFixture.Id(n)), kept);
        Assert.All(kept.Skip(1), id => Assert.Contains($"## {id} ", File.ReadAllText(SummariesPath(root))));

        // A person's preamble bigger than the cap leaves only the newest section, never none.
        File.WriteAllText(SummariesPath(root), "# Session summaries\n\n" + new string('p', SummariesDigest.MaxBytes) + "\n\n" + File.ReadAllText(SummariesPath(root))[21..]);
        SummariesDigest.Write(root.Path, Sample(ArchiveFixture.Id(31)), problems);
        Assert.Equal([ArchiveFixture.Id(31)], HeadingIds(Read(root)));
        Assert.Empty(problems);
    }

    [Fact]
    public void Text_a_person_added_above_the_sections_is_kept_and_below_a_section_goes_with_it()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "token-cache"));
        File.WriteAllText(SummariesPath(root), "# Session summaries\r\n\r\nMy notes about this repo.  \r\n\r\n## sess_20261124_001 · old\r\n- Objective: x\r\n\r\n### my own heading\r\nmine\r\n");
        var problems = new List<Problem>();

        SummariesDigest.Write(root.Path, Sample(ArchiveFixture.Id(2)), problems);

        Assert.Empty(problems);
        Assert.Equal(
            "# Session summaries\n\nMy notes about this repo.  \n\n" + SummariesDigest.Section(Sample(ArchiveFixture.Id(2))) +
            "\n## sess_20261124_001 · old\n- Objective: x\n\n### my own heading\nmine\n",
            Read(root));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("no title at all, only prose")]
    [InlineData("## sess_20261124_002\n## sess_20261124_002 duplicate\n## sess_20261124_002")]
    [InlineData("## sess_2026\n## not a session\n# Session summaries\n")]
    [InlineData("\0\u0001\uFFFD binary-ish \r\r\n## \n##")]
    public void Odd_content_never_stops_a_write(string content)
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "token-cache"));
        File.WriteAllText(SummariesPath(root), content);
        var problems = new List<Problem>();

        SummariesDigest.Write(root.Path, Sample(), problems);

        Assert.Empty(problems);
        var text = Read(root);
        Assert.StartsWith("# Session summaries\n\n", text);
        Assert.Equal(1, CountOf(text, "## sess_20261124_002 ·"));
        Assert.Single(HeadingIds(text), id => id == "sess_20261124_002");
        Assert.Equal(1, CountOf(text, "# Session summaries\n"));
    }

    [Fact]
    public void A_session_without_a_valid_id_is_not_written()
    {
        using var root = new TempDirectory();
        var problems = new List<Problem>();

        SummariesDigest.Write(root.Path, new SessionState { SessionId = "my session" }, problems);

        Assert.Equal(Problem.WriteFailed, Assert.Single(problems).Code);
        Assert.False(File.Exists(SummariesPath(root)));
    }

    [Fact]
    public void A_write_failure_is_a_problem_not_an_exception()
    {
        using var root = new TempDirectory();
        File.WriteAllText(Path.Combine(root.Path, "token-cache"), "a file where the directory should be");
        var problems = new List<Problem>();

        SummariesDigest.Write(root.Path, Sample(), problems);

        var problem = Assert.Single(problems);
        Assert.Equal(Problem.WriteFailed, problem.Code);
        Assert.Contains(SummariesDigest.RelativePath, problem.Message);
    }

    [Fact]
    public void Delete_removes_the_file_and_the_folder_when_it_is_then_empty()
    {
        using var root = new TempDirectory();
        SummariesDigest.Write(root.Path, Sample(), []);

        Assert.Equal(SummariesPath(root), SummariesDigest.Delete(root.Path));
        Assert.False(Directory.Exists(Path.Combine(root.Path, "token-cache")));
        Assert.Null(SummariesDigest.Delete(root.Path));
    }

    [Fact]
    public void Delete_leaves_the_folder_when_other_files_are_in_it()
    {
        using var root = new TempDirectory();
        SummariesDigest.Write(root.Path, Sample(), []);
        File.WriteAllText(Path.Combine(root.Path, "token-cache", "other.md"), "keep");

        Assert.Equal(SummariesPath(root), SummariesDigest.Delete(root.Path));
        Assert.False(File.Exists(SummariesPath(root)));
        Assert.True(File.Exists(Path.Combine(root.Path, "token-cache", "other.md")));
    }

    /// <summary>A session with every line as long as a section lets it be.</summary>
    static SessionState Largest(string id)
    {
        var state = Sample(id);
        var longText = string.Concat(Enumerable.Repeat("long text ö ", 60));
        state.Objectives.Primary = longText;
        state.Progress.Completed = Enumerable.Range(1, 10).Select(i => $"{i} {longText}").ToList();
        state.Errors.Unresolved = Enumerable.Range(1, 10).Select(i => new ErrorEntry { Code = "CS0029", File = $"src/{i}/{longText}.cs", Line = i }).ToList();
        state.Tests.Failing = 10;
        state.Tests.FailedPaths = Enumerable.Range(1, 10).Select(i => $"tests/{i}/{longText}").ToList();
        state.NextPrompts = [longText];
        return state;
    }

    static string SummariesPath(TempDirectory root) => Path.Combine(root.Path, "token-cache", "summaries.md");
    static string Read(TempDirectory root) => File.ReadAllText(SummariesPath(root));

    static List<string> HeadingIds(string text) =>
        text.Split('\n').Where(l => l.StartsWith("## sess_", StringComparison.Ordinal)).Select(l => l[3..].Split(' ')[0]).ToList();

    /// <summary>The sections' texts, each from its heading to the blank line before the next heading.</summary>
    static List<string> Sections(string text) =>
        text.Split("\n## ").Skip(1).Select(s => ("## " + s).TrimEnd('\n')).ToList();

    static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
