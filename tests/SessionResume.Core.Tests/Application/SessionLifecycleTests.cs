using SessionResume.Application;
using SessionResume.Common;
using SessionResume.Config;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Application;

/// <summary>Session boundaries and the verbs, through the one write path, on a temporary folder (no git).</summary>
public class SessionLifecycleTests : IDisposable
{
    static readonly DateTime Start = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    readonly TempDirectory dir = new();
    DateTime now = Start;

    public void Dispose()
    {
        dir.Dispose();
        GC.SuppressFinalize(this);
    }

    Session Open(SessionSettings? settings = null) =>
        new(new SessionLocation(dir.Path, dir.File(".session-state.json"), IsGitRepository: false),
            (settings ?? SessionSettings.Default) with { IncludeGitDiff = false });

    DateTime Clock() => now;

    CaptureResult RecordError(Session session, string fingerprint, bool failed = true) =>
        SessionWriter.Record(session, Clock, failed, (state, _) =>
        {
            if (!state.Errors.Unresolved.Any(e => e.Fingerprint == fingerprint))
                state.Errors.Unresolved.Add(new ErrorEntry { Fingerprint = fingerprint, Code = "CS0029", File = "src/A.cs", Line = 3, Error = "Cannot convert", Project = "src/A/A.csproj", Attempts = 1 });
            return [];
        });

    SessionState State() => StateJson.Deserialize(File.ReadAllBytes(dir.File(".session-state.json")));

    [Fact]
    public void Auto_save_off_keeps_builds_from_writing_and_save_on_error_off_skips_only_failed_ones()
    {
        Assert.False(RecordError(Open(SessionSettings.Default with { AutoSave = false }), "aa11", failed: false).Recorded);
        Assert.False(File.Exists(dir.File(".session-state.json")));

        var noErrors = Open(SessionSettings.Default with { SaveOnError = false });
        Assert.False(RecordError(noErrors, "aa11", failed: true).Recorded);
        Assert.False(File.Exists(dir.File(".session-state.json")));
        Assert.True(RecordError(noErrors, "aa11", failed: false).Recorded);
        Assert.True(File.Exists(dir.File(".session-state.json")));
    }

    [Fact]
    public void An_idle_gap_archives_the_session_and_the_next_one_carries_the_open_error_over()
    {
        var session = Open();
        RecordError(session, "aa11");
        var first = State();
        Assert.Equal("sess_20261124_001", first.SessionId);
        Assert.Equal("sess_20261124_001", first.Errors.Unresolved[0].FirstSeenSession);

        now = Start.AddMinutes(SessionSettings.Default.IdleMinutes - 1);
        RecordError(session, "aa11");
        Assert.Equal("sess_20261124_001", State().SessionId);

        now = now.AddMinutes(SessionSettings.Default.IdleMinutes + 1);
        RecordError(session, "aa11");
        var second = State();
        Assert.Equal("sess_20261124_002", second.SessionId);
        Assert.Equal("sess_20261124_001", second.ContinuesSession);
        Assert.Equal("sess_20261124_001", second.Errors.Unresolved[0].FirstSeenSession);
        Assert.Equal(now, second.StartedAt);
        Assert.True(File.Exists(Path.Combine(dir.Path, ".session-history", "sess_20261124_001.json")));
        Assert.Contains("## sess_20261124_001", File.ReadAllText(Path.Combine(dir.Path, "token-cache", "summaries.md")));
    }

    [Fact]
    public void An_ended_session_that_cannot_be_archived_stays_in_the_state_file()
    {
        var session = Open();
        RecordError(session, "aa11");
        File.WriteAllText(Path.Combine(dir.Path, ".session-history"), "a file where the history folder should be");
        var before = File.ReadAllBytes(dir.File(".session-state.json"));

        now = Start.AddHours(5);
        var result = RecordError(session, "bb22");

        Assert.False(result.Recorded);
        Assert.Contains(result.Problems, p => p.Code == Problem.WriteFailed && p.Message.Contains("could not be archived", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllBytes(dir.File(".session-state.json")));
    }

    [Fact]
    public void Save_ends_the_session_archives_it_and_the_next_update_starts_the_next_one()
    {
        var session = Open();
        RecordError(session, "aa11");
        var result = SessionVerbs.Save(session, new SaveRequest { Objective = "Fix A", Completed = ["Parser"], Todos = ["Docs; then \"review\" 🚀"] }, Clock);
        Assert.Empty(result.Errors);
        Assert.Contains(result.Lines, l => l.StartsWith("Saved session sess_20261124_001", StringComparison.Ordinal));

        var saved = State();
        Assert.Equal(Start, saved.EndedAt);
        Assert.Equal(["Docs; then \"review\" 🚀"], saved.Todos);
        var archive = Path.Combine(dir.Path, ".session-history", "sess_20261124_001.json");
        Assert.Equal(File.ReadAllText(dir.File(".session-state.json")), File.ReadAllText(archive));

        now = Start.AddMinutes(5);
        RecordError(session, "aa11");
        var next = State();
        Assert.Equal("sess_20261124_002", next.SessionId);
        Assert.Null(next.EndedAt);
        Assert.Equal("Fix A", next.Objectives.Primary);
        Assert.Empty(next.Progress.Completed);
        Assert.Single(next.Errors.Unresolved);
    }

    [Fact]
    public void A_save_after_an_idle_gap_belongs_to_the_session_it_describes_while_a_build_starts_a_new_one()
    {
        var session = Open();
        RecordError(session, "aa11");
        now = Start.AddHours(5);
        SessionVerbs.Save(session, new SaveRequest { Completed = ["Parser"] }, Clock);
        Assert.Equal("sess_20261124_001", State().SessionId);
        Assert.Equal(["Parser"], State().Progress.Completed);

        File.Delete(Path.Combine(dir.Path, ".session-history", "sess_20261124_001.json"));
        File.WriteAllText(dir.File(".session-state.json"), StateJson.Serialize(new SessionState { SessionId = "sess_20261124_001", Timestamp = Start, StartedAt = Start }));
        RecordError(session, "aa11");
        Assert.Equal("sess_20261124_002", State().SessionId);
        Assert.True(File.Exists(Path.Combine(dir.Path, ".session-history", "sess_20261124_001.json")));
    }

    [Fact]
    public void A_save_naming_an_unknown_fingerprint_changes_nothing()
    {
        var session = Open();
        RecordError(session, "aa11bb22cc33dd44");
        var before = File.ReadAllBytes(dir.File(".session-state.json"));

        var result = SessionVerbs.Save(session, new SaveRequest { Objective = "x", Resolutions = ["ffff0000ffff=guessed"] }, Clock);

        Assert.NotEmpty(result.Errors);
        Assert.Equal(before, File.ReadAllBytes(dir.File(".session-state.json")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".session-history")));
    }

    [Fact]
    public void Clear_archives_and_removes_the_state_and_with_history_deletes_and_lists_everything()
    {
        var session = Open();
        RecordError(session, "aa11");
        var cleared = SessionVerbs.Clear(session, clearHistory: false, Clock);
        Assert.False(File.Exists(dir.File(".session-state.json")));
        Assert.Contains(cleared.Lines, l => l.Contains("sess_20261124_001", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir.Path, ".session-history", "sess_20261124_001.json")));

        RecordError(session, "aa11");
        Assert.Equal("sess_20261124_002", State().SessionId);

        var wiped = SessionVerbs.Clear(session, clearHistory: true, Clock);
        Assert.Contains(wiped.Lines, l => l.Trim() == ".session-history/sess_20261124_001.json");
        Assert.Contains(wiped.Lines, l => l.Trim() == ".session-history/sess_20261124_002.json");
        Assert.Contains(wiped.Lines, l => l.Trim() == "token-cache/summaries.md");
        Assert.Empty(Directory.Exists(Path.Combine(dir.Path, ".session-history")) ? Directory.GetFiles(Path.Combine(dir.Path, ".session-history")) : []);
        Assert.False(File.Exists(Path.Combine(dir.Path, "token-cache", "summaries.md")));
    }

    [Fact]
    public void Merge_skips_an_unreadable_input_by_name_and_merging_again_leaves_the_file_as_it_was()
    {
        var session = Open();
        RecordError(session, "aa11");
        var other = new SessionState { SessionId = "sess_20261124_009", Timestamp = Start };
        other.Errors.Unresolved.Add(new ErrorEntry { Fingerprint = "bb22", Code = "CS0103", File = "src/B.cs", Line = 7, Error = "The name 'x' does not exist", Project = "src/A/A.csproj", Attempts = 2 });
        Directory.CreateDirectory(dir.File("artifacts"));
        File.WriteAllText(dir.File("artifacts/linux.json"), StateJson.Serialize(other));
        File.WriteAllText(dir.File("artifacts/broken.json"), "{ nope");

        var first = SessionVerbs.MergeFiles(session, ["artifacts/linux.json", "artifacts/broken.json", "artifacts/missing.json"], dir.Path, Clock);
        Assert.Equal(2, first.Problems.Count(p => p.Code == Problem.InputUnreadable));
        Assert.Contains(first.Problems, p => p.Message.Contains("artifacts/missing.json", StringComparison.Ordinal) && p.Message.Contains("does not exist", StringComparison.Ordinal));
        var merged = State();
        Assert.Equal(["aa11", "bb22"], merged.Errors.Unresolved.Select(e => e.Fingerprint).Order());
        Assert.Equal(["artifacts/linux.json"], merged.Errors.Unresolved.Single(e => e.Fingerprint == "bb22").SeenIn!);

        var bytes = File.ReadAllBytes(dir.File(".session-state.json"));
        now = Start.AddMinutes(1);
        var again = SessionVerbs.MergeFiles(session, ["artifacts/linux.json"], dir.Path, Clock);
        Assert.Contains(again.Lines, l => l.Contains("nothing new", StringComparison.Ordinal));
        Assert.Equal(bytes, File.ReadAllBytes(dir.File(".session-state.json")));
    }

    [Fact]
    public void History_lists_archived_sessions_newest_first()
    {
        var session = Open();
        SessionVerbs.Save(session, new SaveRequest { Objective = "First" }, Clock);
        now = Start.AddMinutes(10);
        SessionVerbs.Save(session, new SaveRequest { Objective = "Second" }, Clock);

        var lines = SessionVerbs.History(session).Lines;
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("sess_20261124_002", lines[0]);
        Assert.Contains("Second", lines[0]);
        Assert.StartsWith("sess_20261124_001", lines[1]);
    }
}
