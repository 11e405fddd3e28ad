using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Tests.Support;
using SessionResume.Views;

namespace SessionResume.Tests.Views;

public class HistoryViewTests
{
    [Fact]
    public void One_aligned_line_per_session_newest_first()
    {
        using var f = new ArchiveFixture();
        var first = ArchiveFixture.State("sess_20261123_001", "Set up the solution");
        first.Timestamp = new DateTime(2026, 11, 23, 9, 5, 0, DateTimeKind.Utc);
        first.DurationMinutes = 125;
        first.Objectives.Status = "done";
        first.Tests.Passing = 12;
        var second = ArchiveFixture.State("sess_20261124_002", "Implement JWT auth");
        second.Timestamp = new DateTime(2026, 11, 24, 14, 5, 0, DateTimeKind.Utc);
        second.Objectives.Status = "in-progress";
        second.Errors.Unresolved = [new ErrorEntry { Code = "CS0029", File = "src/B.cs", Line = 42 }];
        second.Tests.Failing = 2;
        second.Tests.Passing = 24;
        var third = ArchiveFixture.State("sess_20261124_1000", null);
        third.Objectives.Primary = null;
        third.DurationMinutes = 5;
        third.Timestamp = null;
        third.Errors.Unresolved = [new ErrorEntry(), new ErrorEntry()];
        third.Errors.Omitted = new(StringComparer.Ordinal) { ["p"] = new OmittedCount { Count = 3 } };
        foreach (var s in new[] { first, second, third }) f.Save(s.SessionId!, state: s);

        var problems = new List<Problem>();
        var lines = HistoryView.Lines(f.Archive, problems);

        Assert.Empty(problems);
        Assert.Equal(
        [
            "sess_20261124_1000  (no time)             5 min      (no objective)         5 errors                     in-progress",
            "sess_20261124_002   2026-11-24 14:05 UTC  45 min     \"Implement JWT auth\"   1 error, 2 failing tests     in-progress",
            "sess_20261123_001   2026-11-23 09:05 UTC  2 h 5 min  \"Set up the solution\"  no errors, 12 tests passing  done",
        ], lines);
    }

    [Fact]
    public void Columns_line_up_whatever_the_widths()
    {
        using var f = new ArchiveFixture();
        f.Save(ArchiveFixture.Id(1), state: ArchiveFixture.State(ArchiveFixture.Id(1), "Short"));
        f.Save(ArchiveFixture.Id(2), state: ArchiveFixture.State(ArchiveFixture.Id(2), "A much longer objective 🚀 with an emoji"));
        var third = ArchiveFixture.State(ArchiveFixture.Id(3), "Mid-length one");
        third.Tests.Failing = 1;
        f.Save(ArchiveFixture.Id(3), state: third);

        var lines = HistoryView.Lines(f.Archive, []);

        // The status column (last) starts at the same place on every line, counted in visible characters.
        var statusStarts = lines.Select(l => new System.Globalization.StringInfo(l).LengthInTextElements - "in-progress".Length).Distinct();
        Assert.Single(statusStarts);
        Assert.All(lines, l => Assert.EndsWith("  in-progress", l));
        // So does the objective column, though one objective holds an emoji of two UTF-16 units.
        var objectiveStarts = lines.Select(l => new System.Globalization.StringInfo(l[..l.IndexOf('"')]).LengthInTextElements).Distinct();
        Assert.Single(objectiveStarts);
    }

    [Fact]
    public void Without_a_status_the_line_shows_what_the_restore_summary_derives()
    {
        using var f = new ArchiveFixture();
        var state = ArchiveFixture.State(ArchiveFixture.Id(1));
        state.Objectives.Status = null;
        f.Save(ArchiveFixture.Id(1), state: state);
        var blocked = ArchiveFixture.State(ArchiveFixture.Id(2));
        blocked.Objectives.Status = "blocked";
        f.Save(ArchiveFixture.Id(2), state: blocked);

        var lines = HistoryView.Lines(f.Archive, []);

        Assert.EndsWith("  blocked", lines[0]);
        Assert.EndsWith("  in-progress", lines[1]);
    }

    [Fact]
    public void Unicode_and_line_breaks_in_an_objective_stay_on_one_line_and_long_ones_are_shortened_at_a_whole_character()
    {
        using var f = new ArchiveFixture();
        var multiLine = ArchiveFixture.State(ArchiveFixture.Id(1), "Réparer l'authentification 🔐\r\nsecond line\tand a tab");
        var longOne = ArchiveFixture.State(ArchiveFixture.Id(2), new string('x', HistoryView.ObjectiveMax - 1) + "👍👍 and much more text after it");
        f.Save(ArchiveFixture.Id(1), state: multiLine);
        f.Save(ArchiveFixture.Id(2), state: longOne);

        var lines = HistoryView.Lines(f.Archive, []);

        Assert.Contains("\"Réparer l'authentification 🔐 second line and a tab\"", lines[1]);
        Assert.Contains($"\"{new string('x', HistoryView.ObjectiveMax - 1)}… [", lines[0]);
        Assert.Contains(" more chars]\"", lines[0]);
        Assert.All(lines, l => Assert.DoesNotContain('\n', l));
        Assert.All(lines, l => Assert.DoesNotContain('\t', l));
        Assert.All(lines, l => Assert.True(System.Text.Unicode.Utf8.IsValid(System.Text.Encoding.UTF8.GetBytes(l)) && !HasLoneSurrogate(l), l));
    }

    [Fact]
    public void No_archives_is_one_line_naming_the_directory_relative_to_the_root()
    {
        using var f = new ArchiveFixture();

        var lines = HistoryView.Lines(f.Archive, []);

        var line = Assert.Single(lines);
        Assert.Contains(" .session-history/ ", line);
        Assert.StartsWith("No archived sessions", line);
        Assert.DoesNotContain(f.Root, line);
    }

    static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[++i]))) return true;
            if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))) return true;
        }
        return false;
    }
}
