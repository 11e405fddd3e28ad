using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Views;

namespace SessionResume.Tests.Views;

public class SummaryRendererTests
{
    static readonly DateTime Now = new(2026, 11, 24, 22, 0, 0, DateTimeKind.Utc);

    static SessionState Sample() => new()
    {
        Project = "my-app",
        Timestamp = Now.AddHours(-2),
        Objectives = { Primary = "Implement user authentication with JWT", Status = "in-progress" },
        Progress = { Completed = ["Auth middleware", "Token service", "Claims"], InProgress = ["Login page UI component"], Blocked = ["Refresh tokens"] },
        Tests = { Failing = 2, FailedPaths = ["tests/A/AuthTests.cs:AuthTests.Login_rejects_bad_email", "tests/A/AuthTests.cs:AuthTests.Logout"] },
        Errors = { Unresolved = [new ErrorEntry { Code = "CS0029", File = "src/B.cs", Line = 42, Error = "Cannot convert" }] },
        NextPrompts = ["Fix error CS0029 in src/B.cs line 42: Cannot convert"],
    };

    [Fact]
    public void The_text_form_follows_the_contract()
    {
        var text = SummaryRenderer.Render(SessionSummary.From(Sample(), Now), null);
        Assert.Equal("""
            📋 Previous Session Found
            Project: my-app
            Last active: 2 hours ago
            Objective: Implement user authentication with JWT
            Status: In progress (60% complete)
            Completed:
            ✅ Auth middleware
            ✅ Token service
            ✅ Claims
            Remaining:
            🔄 Login page UI component
            ⛔ Refresh tokens
            ❌ 2 failing tests
               tests/A/AuthTests.cs:AuthTests.Login_rejects_bad_email
               tests/A/AuthTests.cs:AuthTests.Logout
            ⚠ 1 unresolved error (CS0029)
            Suggested next action:
            → Fix error CS0029 in src/B.cs line 42: Cannot convert
            """.Replace("\r\n", "\n"), text.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Long_lists_end_with_and_n_more()
    {
        var state = Sample();
        state.Progress.Completed = Enumerable.Range(1, 12).Select(i => $"item {i}").ToList();
        var text = SummaryRenderer.Render(SessionSummary.From(state, Now), "text");
        Assert.Contains("✅ item 5\n✅ … and 7 more\n", text.Replace("\r\n", "\n"));
        Assert.DoesNotContain("item 6", text);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, null, 0)]
    [InlineData(3, 1, 1, 0, null, 60)]
    [InlineData(1, 1, 0, 2, null, 25)]
    [InlineData(1, 5, 0, 0, "done", 100)]
    public void Percent_complete_is_completed_over_all_tracked_items(int completed, int inProgress, int blocked, int todos, string? status, int expected)
    {
        var state = new SessionState
        {
            Objectives = { Status = status },
            Progress = { Completed = Items(completed), InProgress = Items(inProgress), Blocked = Items(blocked) },
            Todos = Items(todos),
        };
        Assert.Equal(expected, SessionSummary.Percent(state));
        static List<string> Items(int n) => Enumerable.Range(0, n).Select(i => $"i{i}").ToList();
    }

    [Fact]
    public void Without_an_objective_the_summary_says_how_to_set_one()
    {
        var text = SummaryRenderer.Render(SessionSummary.From(new SessionState { Timestamp = Now }, Now), "text");
        Assert.Contains("Objective: (none set: dotnet msbuild -t:SessionSave -p:SessionObjective=\"...\")", text);
        Assert.Contains("Last active: just now", text);
        Assert.EndsWith("→ Set an objective: dotnet msbuild -t:SessionSave -p:SessionObjective=\"...\"", text);
    }

    [Fact]
    public void Markdown_and_json_forms_carry_the_same_facts()
    {
        var summary = SessionSummary.From(Sample(), Now);
        var markdown = SummaryRenderer.Render(summary, "markdown");
        Assert.StartsWith("## 📋 Previous Session Found", markdown);
        Assert.Contains("- **Status:** In progress (60% complete)", markdown);
        using var json = System.Text.Json.JsonDocument.Parse(SummaryRenderer.Render(summary, "json"));
        Assert.Equal("my-app", json.RootElement.GetProperty("project").GetString());
        Assert.Equal(60, json.RootElement.GetProperty("percent_complete").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("unresolved_errors").GetInt32());
    }

    [Fact]
    public void An_unknown_format_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => SummaryRenderer.Render(SessionSummary.From(Sample(), Now), "yaml"));
        Assert.Contains("text, markdown or json", e.Message);
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(1, "1 minute ago")]
    [InlineData(59, "59 minutes ago")]
    [InlineData(60, "1 hour ago")]
    [InlineData(60 * 24 * 3, "3 days ago")]
    public void Relative_times_read_naturally(int minutes, string expected) =>
        Assert.Equal(expected, RelativeTime.Describe(TimeSpan.FromMinutes(minutes)));
}
