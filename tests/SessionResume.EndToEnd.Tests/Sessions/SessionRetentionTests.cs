using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Sessions.SessionFiles;

namespace SessionResume.Tests.Sessions;

/// <summary>
/// max_history and compress_old_sessions. The first 24 sessions are archives written directly (as
/// earlier saves would have left them, on an old day); the 25th is a real SessionSave. Measured on
/// 2 cores: 25 SessionSave invocations in a loop take about 15 s, one takes under a second, so the
/// loop is left to the unit tests of the archive.
/// </summary>
public class SessionRetentionTests
{
    const int Written = 24;

    static string OldId(int n) => $"sess_{OldDay}_{n:000}";

    static void WriteOldArchives(ThrowawayRepo repo)
    {
        for (var n = 1; n <= Written; n++)
            WriteArchive(repo, OldId(n) + ".json", Utf8(HandMadeArchive(OldId(n), $"Session {n}")));
    }

    [Fact]
    public void Twenty_five_sessions_leave_the_twenty_newest_archives_all_but_the_newest_three_gzip_compressed_and_max_history_5_without_compression_keeps_five_plain()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionRetentionTests));
        var project = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        WriteOldArchives(repo);

        var save = repo.MSBuild(project, "SessionSave", "-restore", "-p:SessionObjective=Session 25");
        var context = repo.Describe();
        Check.That(save.Succeeded, context);
        var id = SessionId(repo, repo.ReadState());
        Check.Not(id.StartsWith($"sess_{OldDay}_", StringComparison.Ordinal), "The saved session is today's.\n" + context);

        // Newest first: the session just saved, then the old day's 24, 23, ... 6.
        var expectedIds = new[] { id }.Concat(Enumerable.Range(Written - 18, 19).Reverse().Select(OldId)).ToList();
        var files = HistoryFiles(repo);
        var history = $"History: {string.Join(", ", files)}\n{context}";
        Check.That(files.Count == 20, $"Expected exactly 20 archives, found {files.Count}.\n{history}");
        for (var i = 0; i < expectedIds.Count; i++)
        {
            var plain = i < 3;
            var name = expectedIds[i] + (plain ? ".json" : ".json.gz");
            Check.That(files.Contains(name), $"Expected {name} (archive {i + 1} from the newest).\n{history}");
            var bytes = File.ReadAllBytes(ArchivePath(repo, name));
            Check.That(IsGzip(bytes) == !plain, $"{name}: gzip magic bytes {(plain ? "not " : "")}expected.\n{history}");
            Check.That(Str(ReadArchive(repo, name), "session_id") == expectedIds[i], $"{name} holds another session.\n{history}");
        }
        for (var n = 1; n <= Written - 19; n++)
            Check.Not(files.Any(f => f.StartsWith(OldId(n), StringComparison.Ordinal)), $"{OldId(n)} is beyond max_history and must be gone.\n{history}");
        Check.That(File.ReadAllText(ArchivePath(repo, id + ".json")) == repo.ReadStateText(), "The newest archive is the saved state.\n" + context);

        // Again from 24 old archives, keeping 5 and compressing none.
        Directory.Delete(HistoryPath(repo), recursive: true);
        File.Delete(repo.StatePath);
        WriteOldArchives(repo);
        var small = repo.MSBuild(project, "SessionSave", "-p:SessionObjective=Session 25 again",
            "-p:SessionResumeMaxHistory=5", "-p:SessionResumeCompressOldSessions=false");
        context = repo.Describe();
        Check.That(small.Succeeded, context);
        var newId = SessionId(repo, repo.ReadState());
        files = HistoryFiles(repo);
        history = $"History: {string.Join(", ", files)}\n{context}";
        var expected = new[] { newId + ".json" }.Concat(Enumerable.Range(Written - 3, 4).Select(n => OldId(n) + ".json")).Order(StringComparer.Ordinal).ToList();
        Check.That(files.SequenceEqual(expected), $"Expected exactly {string.Join(", ", expected)}.\n{history}");
        Check.Not(files.Any(f => IsGzip(File.ReadAllBytes(ArchivePath(repo, f)))), "Nothing may be compressed.\n" + history);
    }
}
