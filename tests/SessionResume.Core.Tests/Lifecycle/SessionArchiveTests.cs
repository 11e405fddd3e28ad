using SessionResume.Common;
using SessionResume.Lifecycle;
using SessionResume.Model;
using SessionResume.Tests.Support;
using SessionResume.Views;

namespace SessionResume.Tests.Lifecycle;

public class SessionArchiveTests
{
    static readonly byte[] GzipMagic = [0x1F, 0x8B];

    [Fact]
    public void Save_writes_the_state_as_json_named_by_its_id_and_it_reads_back()
    {
        using var f = new ArchiveFixture();
        var state = ArchiveFixture.State("sess_20261124_002", "Implement JWT auth");
        state.Todos.Add("Write the migration");

        var path = f.Save("sess_20261124_002", state: state);

        Assert.Equal(f.FileIn("sess_20261124_002.json"), path);
        Assert.Equal(StateJson.Serialize(state), File.ReadAllText(path));
        var problems = new List<Problem>();
        var read = f.Archive.TryRead(f.Archive.List().Single(), problems);
        Assert.Empty(problems);
        Assert.Equal("Implement JWT auth", read!.Objectives.Primary);
        Assert.Equal(["Write the migration"], read.Todos);
    }

    [Fact]
    public void List_is_newest_first_by_day_then_by_the_count_as_a_number()
    {
        using var f = new ArchiveFixture();
        string[] savedInThisOrder = ["sess_20261123_002", "sess_20261124_999", "sess_20261124_001", "sess_20261123_010", "sess_20261124_1000", "sess_20251231_500"];
        foreach (var id in savedInThisOrder) f.Save(id, compress: false);

        Assert.Equal(
            ["sess_20261124_1000", "sess_20261124_999", "sess_20261124_001", "sess_20261123_010", "sess_20261123_002", "sess_20251231_500"],
            f.Archive.List().Select(s => s.Id));
        Assert.Equal(f.Archive.List().Select(s => s.Id), f.Archive.SessionIds());
        Assert.All(f.Archive.List(), s => Assert.Equal(f.FileIn(s.Id + ".json"), s.FilePath));
    }

    [Fact]
    public void Files_not_named_like_a_session_id_are_ignored()
    {
        using var f = new ArchiveFixture();
        f.Save("sess_20261124_001", compress: false);
        foreach (var name in new[]
                 {
                     "README.md", "sess_2026112_001.json", "sess_20261124_01.json", "sess_20261124_001.txt",
                     "sess_20261124_001.json.tmp-12-abc", "SESS_20261124_002.json", "sess_2026112a_002.json",
                     "sess_20261124_٠٠٣.json", "sess_20261124_004.json.bak", "sess_20261124-005.json", "xsess_20261124_006.json",
                 })
            File.WriteAllText(f.FileIn(name), "{}");
        Directory.CreateDirectory(f.FileIn("sess_20261124_007.json"));

        Assert.Equal(["sess_20261124_001"], f.Archive.SessionIds());
    }

    [Fact]
    public void A_missing_directory_is_an_empty_history()
    {
        using var f = new ArchiveFixture();
        var problems = new List<Problem>();

        Assert.Empty(f.Archive.List());
        Assert.Empty(f.Archive.LoadResolutions(problems));
        Assert.Empty(f.Archive.DeleteAll(problems));
        Assert.Empty(problems);
        Assert.False(Directory.Exists(f.HistoryDirectory));
    }

    [Fact]
    public void Twenty_five_saves_with_max_20_keep_the_newest_20_and_compress_all_but_the_newest_3()
    {
        using var f = new ArchiveFixture();
        string? last = null;
        for (var n = 1; n <= 25; n++) last = f.Save(ArchiveFixture.Id(n), maxHistory: 20, compress: true);

        Assert.Equal(f.FileIn("sess_20261124_025.json"), last);
        var expected = Enumerable.Range(6, 17).Select(n => ArchiveFixture.Id(n) + ".json.gz")
            .Concat(Enumerable.Range(23, 3).Select(n => ArchiveFixture.Id(n) + ".json"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, f.FileNames());

        var sessions = f.Archive.List();
        Assert.Equal(Enumerable.Range(6, 20).Reverse().Select(n => ArchiveFixture.Id(n)), sessions.Select(s => s.Id));
        Assert.Equal(SessionArchive.UncompressedNewest, sessions.Count(s => !s.Compressed));
        foreach (var session in sessions)
        {
            var bytes = File.ReadAllBytes(session.FilePath);
            Assert.Equal(session.Compressed, bytes.AsSpan().StartsWith(GzipMagic));
            var problems = new List<Problem>();
            var state = f.Archive.TryRead(session, problems);
            Assert.Empty(problems);
            Assert.Equal($"Objective of {session.Id}", state!.Objectives.Primary);
        }
    }

    [Fact]
    public void Max_history_1_keeps_only_the_session_just_saved()
    {
        using var f = new ArchiveFixture();
        f.Save(ArchiveFixture.Id(1), maxHistory: 1);
        f.Save(ArchiveFixture.Id(2), maxHistory: 1);
        var path = f.Save(ArchiveFixture.Id(3), maxHistory: 1);

        Assert.Equal(["sess_20261124_003.json"], f.FileNames());
        Assert.Equal(f.FileIn("sess_20261124_003.json"), path);
    }

    [Fact]
    public void Max_history_below_1_still_keeps_the_session_just_saved()
    {
        using var f = new ArchiveFixture();
        f.Save(ArchiveFixture.Id(1), maxHistory: 0);
        f.Save(ArchiveFixture.Id(2), maxHistory: 0);

        Assert.Equal(["sess_20261124_002.json"], f.FileNames());
    }

    [Fact]
    public void Saving_the_same_id_again_replaces_it_and_removes_its_compressed_twin()
    {
        using var f = new ArchiveFixture();
        for (var n = 1; n <= 5; n++) f.Save(ArchiveFixture.Id(n));
        Assert.Contains("sess_20261124_001.json.gz", f.FileNames());

        var path = f.Save(ArchiveFixture.Id(1), compress: false, state: ArchiveFixture.State(ArchiveFixture.Id(1), "Second save"));

        Assert.Equal(f.FileIn("sess_20261124_001.json"), path);
        Assert.DoesNotContain("sess_20261124_001.json.gz", f.FileNames());
        Assert.Equal(5, f.Archive.List().Count);
        Assert.Equal("Second save", StateJson.Deserialize(File.ReadAllBytes(path)).Objectives.Primary);
    }

    [Fact]
    public void An_old_session_saved_again_is_kept_and_compressed_at_once_when_older_than_the_newest_3()
    {
        using var f = new ArchiveFixture();
        for (var n = 10; n <= 13; n++) f.Save(ArchiveFixture.Id(n), maxHistory: 4);

        var path = f.Save(ArchiveFixture.Id(1), maxHistory: 4, state: ArchiveFixture.State(ArchiveFixture.Id(1), "Back to an old one"));

        // The oldest other session made room: the one just saved is never the one dropped.
        Assert.Equal(["sess_20261124_001.json.gz", "sess_20261124_011.json", "sess_20261124_012.json", "sess_20261124_013.json"], f.FileNames());
        Assert.Equal(f.FileIn("sess_20261124_001.json.gz"), path);
        var problems = new List<Problem>();
        Assert.Equal("Back to an old one", f.Archive.TryRead(f.Archive.List()[^1], problems)!.Objectives.Primary);
        Assert.Empty(problems);
    }

    [Fact]
    public void Without_compression_every_archive_stays_plain_json()
    {
        using var f = new ArchiveFixture();
        for (var n = 1; n <= 6; n++) f.Save(ArchiveFixture.Id(n), compress: false);

        Assert.Equal(Enumerable.Range(1, 6).Select(n => ArchiveFixture.Id(n) + ".json"), f.FileNames());
    }

    [Fact]
    public void When_both_forms_of_an_id_exist_the_plain_json_is_listed_and_pruning_deletes_both()
    {
        using var f = new ArchiveFixture();
        for (var n = 1; n <= 5; n++) f.Save(ArchiveFixture.Id(n));
        // As if a compression had been stopped between writing the .gz and deleting the .json.
        File.WriteAllText(f.FileIn("sess_20261124_001.json"), StateJson.Serialize(ArchiveFixture.State(ArchiveFixture.Id(1))));

        Assert.False(f.Archive.List().Single(s => s.Id == ArchiveFixture.Id(1)).Compressed);

        f.Save(ArchiveFixture.Id(6), maxHistory: 5);
        Assert.DoesNotContain(f.FileNames(), name => name.StartsWith("sess_20261124_001", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "it has no session_id")]
    [InlineData("../../escape", "'../../escape' is not of the form sess_YYYYMMDD_NNN")]
    [InlineData("sess_20261124_1", "'sess_20261124_1' is not of the form")]
    public void A_state_without_a_valid_session_id_is_not_archived(string? id, string reason)
    {
        using var f = new ArchiveFixture();
        var problems = new List<Problem>();

        var path = f.Archive.Save(ArchiveFixture.State(id!), 20, true, problems);

        Assert.Null(path);
        var problem = Assert.Single(problems);
        Assert.Equal(Problem.WriteFailed, problem.Code);
        Assert.Contains(reason, problem.Message);
        Assert.Contains(".session-history/", problem.Message);
        Assert.False(Directory.Exists(f.HistoryDirectory));
    }

    [Fact]
    public void A_write_failure_is_a_problem_not_an_exception()
    {
        using var f = new ArchiveFixture();
        File.WriteAllText(f.HistoryDirectory, "a file where the directory should be");
        var problems = new List<Problem>();

        var path = f.Archive.Save(ArchiveFixture.State(ArchiveFixture.Id(1)), 20, true, problems);

        Assert.Null(path);
        var problem = Assert.Single(problems);
        Assert.Equal(Problem.WriteFailed, problem.Code);
        Assert.Contains(".session-history/sess_20261124_001.json", problem.Message);
    }

    [Fact]
    public void Saving_removes_temporary_files_that_killed_writers_left_long_ago_but_not_young_ones()
    {
        using var f = new ArchiveFixture();
        f.Save(ArchiveFixture.Id(1));
        var stale = f.FileIn("sess_20261124_001.json.tmp-99-old");
        var young = f.FileIn("sess_20261124_001.json.tmp-99-new");
        File.WriteAllText(stale, "{");
        File.WriteAllText(young, "{");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));

        f.Save(ArchiveFixture.Id(2));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(young));
    }

    [Fact]
    public void DeleteAll_deletes_the_archives_of_both_forms_and_then_the_empty_directory()
    {
        using var f = new ArchiveFixture();
        for (var n = 1; n <= 5; n++) f.Save(ArchiveFixture.Id(n));
        File.WriteAllText(f.FileIn("sess_20261124_005.json.tmp-1-abc"), "left by a killed writer");

        var deleted = f.Archive.DeleteAll();

        Assert.Equal(
            ["sess_20261124_005.json", "sess_20261124_004.json", "sess_20261124_003.json", "sess_20261124_002.json.gz", "sess_20261124_001.json.gz"],
            deleted.Select(Path.GetFileName));
        Assert.All(deleted, path => Assert.StartsWith(f.HistoryDirectory, path));
        Assert.False(Directory.Exists(f.HistoryDirectory));
    }

    [Fact]
    public void DeleteAll_leaves_files_that_are_not_archives_and_so_the_directory()
    {
        using var f = new ArchiveFixture();
        f.Save(ArchiveFixture.Id(1));
        File.WriteAllText(f.FileIn("NOTES.md"), "mine");

        var deleted = f.Archive.DeleteAll();

        Assert.Single(deleted);
        Assert.Equal(["NOTES.md"], f.FileNames());
    }

    [Fact]
    public void The_directory_is_shown_relative_to_the_session_root_or_in_full_without_one()
    {
        using var f = new ArchiveFixture();
        Assert.Equal(".session-history/", f.Archive.DisplayDirectory);
        Assert.Equal("build/history/", new SessionArchive(Path.Combine(f.Root, "build", "history"), f.Root).DisplayDirectory);
        Assert.Equal(f.HistoryDirectory.Replace('\\', '/') + "/", new SessionArchive(f.HistoryDirectory).DisplayDirectory);
    }
}
