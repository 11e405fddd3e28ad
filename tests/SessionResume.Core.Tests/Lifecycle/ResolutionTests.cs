using System.Diagnostics;
using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Tests.Support;
using Xunit.Abstractions;

namespace SessionResume.Tests.Lifecycle;

public class ResolutionTests(ITestOutputHelper output)
{
    static readonly DateTime ResolvedAt = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Resolutions_come_newest_session_first_in_each_archives_order_with_the_session_id_filled_in()
    {
        using var f = new ArchiveFixture();
        var older = ArchiveFixture.State(ArchiveFixture.Id(1));
        older.Errors.Resolved = [Resolution("a"), Resolution("b", sessionId: "sess_20261120_004")];
        var newer = ArchiveFixture.State(ArchiveFixture.Id(2));
        newer.Errors.Resolved = [Resolution("c"), Resolution("d", sessionId: "")];
        var newest = ArchiveFixture.State(ArchiveFixture.Id(3));
        f.Save(ArchiveFixture.Id(1), state: older);
        f.Save(ArchiveFixture.Id(2), state: newer);
        f.Save(ArchiveFixture.Id(3), state: newest);
        f.Save(ArchiveFixture.Id(4));   // compresses the oldest: both forms are read

        var problems = new List<Problem>();
        var resolutions = f.Archive.LoadResolutions(problems);

        Assert.Empty(problems);
        Assert.Contains("sess_20261124_001.json.gz", f.FileNames());
        Assert.Equal(["c", "d", "a", "b"], resolutions.Select(r => r.Fingerprint));
        Assert.Equal(["sess_20261124_002", "sess_20261124_002", "sess_20261124_001", "sess_20261120_004"], resolutions.Select(r => r.SessionId));
    }

    [Fact]
    public void A_resolution_reads_the_same_as_through_the_whole_state()
    {
        using var f = new ArchiveFixture();
        var state = ArchiveFixture.State(ArchiveFixture.Id(1));
        var full = Resolution("ab12cd", sessionId: ArchiveFixture.Id(1));
        full.Aliases = ["old1", "old2"];
        full.Extra = new() { ["note"] = System.Text.Json.JsonDocument.Parse("\"by hand\"").RootElement };
        state.Errors.Resolved = [full];
        f.Save(ArchiveFixture.Id(1), state: state);

        var problems = new List<Problem>();
        var loaded = f.Archive.LoadResolutions(problems);
        var viaState = f.Archive.TryRead(f.Archive.List()[0], problems)!.Errors.Resolved;

        Assert.Empty(problems);
        Assert.Equal(AsJson(viaState), AsJson(loaded));
        Assert.Equal(ResolvedAt, loaded[0].ResolvedAt);
        Assert.Equal(DateTimeKind.Utc, loaded[0].ResolvedAt!.Value.Kind);
        Assert.Equal("Added a null check on line 40", loaded[0].Resolution);
    }

    [Fact]
    public void A_hand_edited_archive_with_comments_trailing_commas_offsets_and_nulls_is_read()
    {
        using var f = new ArchiveFixture();
        Directory.CreateDirectory(f.HistoryDirectory);
        File.WriteAllText(f.FileIn("sess_20261124_001.json"), """
            // kept by hand
            { "errors": { "unresolved": null,
                          "resolved": [ null, { "fingerprint": "ab", "resolved_at": "2026-11-23T10:30:00+01:00", }, ] } }
            """);

        var problems = new List<Problem>();
        var resolution = Assert.Single(f.Archive.LoadResolutions(problems));

        Assert.Empty(problems);
        Assert.Equal(ResolvedAt, resolution.ResolvedAt);
        Assert.Equal("sess_20261124_001", resolution.SessionId);
    }

    [Fact]
    public void Twenty_archives_of_a_thousand_resolutions_each_give_twenty_thousand()
    {
        using var f = new ArchiveFixture();
        for (var n = 1; n <= 20; n++)
        {
            var state = ArchiveFixture.State(ArchiveFixture.Id(n));
            state.Errors.Resolved = Enumerable.Range(0, 1000).Select(i => Resolution($"{n:00}-{i:0000}", sessionId: i % 2 == 0 ? null : ArchiveFixture.Id(n))).ToList();
            state.Errors.Unresolved = Enumerable.Range(0, 50).Select(i => new ErrorEntry { Code = "CS0029", File = $"src/F{i}.cs", Line = i, Error = "Cannot convert", Fingerprint = $"u{i}" }).ToList();
            f.Save(ArchiveFixture.Id(n), state: state);
        }
        Assert.Equal(17, f.Archive.List().Count(s => s.Compressed));

        var problems = new List<Problem>();
        var watch = Stopwatch.StartNew();
        var resolutions = f.Archive.LoadResolutions(problems);
        watch.Stop();
        output.WriteLine($"LoadResolutions: {resolutions.Count} resolutions from 20 archives in {watch.Elapsed.TotalMilliseconds:0.0} ms");

        Assert.Empty(problems);
        Assert.Equal(20_000, resolutions.Count);
        Assert.Equal("20-0000", resolutions[0].Fingerprint);
        Assert.Equal("01-0999", resolutions[^1].Fingerprint);
        Assert.All(resolutions, r => Assert.Equal("sess_20261124_0" + r.Fingerprint[..2], r.SessionId));
    }

    static string AsJson(IEnumerable<ResolvedError> resolutions) =>
        StateJson.Serialize(new SessionState { Errors = { Resolved = resolutions.ToList() } });

    static ResolvedError Resolution(string fingerprint, string? sessionId = null) => new()
    {
        File = "src/C.cs",
        Error = "The name 'x' does not exist in the current context",
        Resolution = "Added a null check on line 40",
        Code = "CS0103",
        Fingerprint = fingerprint,
        Project = "src/App/App.csproj",
        Line = 40,
        Attempts = 2,
        SessionId = sessionId,
        ResolvedAt = ResolvedAt,
    };
}
