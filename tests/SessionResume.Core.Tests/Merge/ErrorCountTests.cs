using SessionResume.Model;
using SessionResume.Tests.Support;
using SessionResume.Views;
using static SessionResume.Tests.Support.BuildFixture;

namespace SessionResume.Tests.Merge;

/// <summary>Entries are grouped by fingerprint, but every count is the compiler's: distinct file, line and code.</summary>
public class ErrorCountTests
{
    [Fact]
    public void Two_thousand_errors_in_1050_entries_count_as_two_thousand_everywhere()
    {
        var fixture = new BuildFixture();
        // 1,000 CS0029 with one text, 20 in each of 50 files, and 1,000 different CS0103.
        var same = Enumerable.Range(1, 50).SelectMany(f => Enumerable.Range(1, 20)
            .Select(l => Error("CS0029", $"src/App/F{f}.cs", l * 2, "Cannot implicitly convert type 'string' to 'int'")));
        var different = Enumerable.Range(1, 1000).Select(i => Error("CS0103", "src/App/Names.cs", i, $"The name 'n{i}' does not exist in the current context"));
        fixture.Build([.. same, .. different]);
        var state = fixture.State;

        var summary = SessionSummary.From(state, fixture.Now);
        Assert.Equal(2000, summary.UnresolvedErrors);
        Assert.Equal(1000, summary.UnresolvedErrorsByCode["CS0029"]);
        Assert.Equal(1000, summary.UnresolvedErrorsByCode["CS0103"]);
        Assert.Equal(2000, state.Build.Projects[Project].Errors);
        Assert.Contains("⚠ 2000 unresolved errors (CS0029 ×1000, CS0103 ×1000)", SummaryRenderer.Render(summary, "text"));

        // The grouping stays: one entry per file for the repeated error, each saying how many it stands for.
        var grouped = state.Errors.Unresolved.Where(e => e.Code == "CS0029").ToList();
        Assert.All(grouped, e => Assert.Equal(20, e.Occurrences));
        Assert.Equal(2000, ErrorCounts.Unresolved(state.Errors));
    }
}
