using System.IO.Compression;
using System.Text;
using SessionResume.Build;
using SessionResume.Model;
using Xunit.Abstractions;
using static SessionResume.Tests.BadInput.BadInputRun;

namespace SessionResume.Tests.BadInput;

/// <summary>
/// Damaged archives in .session-history/ and a damaged .session-resume.json, through the tasks: the
/// task succeeds, one warning (SR0008, SR0006) names the file and what is wrong, the file is left
/// exactly as it was, and the build is still recorded.
/// </summary>
public class DamagedHistoryAndConfigTests(ITestOutputHelper output)
{
    const string DamagedId = "sess_20261120_001";

    /// <summary>A damaged archive: its file name in .session-history/, its bytes, a phrase of the warning.</summary>
    public sealed record DamagedArchive(string Name, string FileName, Func<byte[]> Bytes, string ExpectedPhrase)
    {
        public override string ToString() => Name;
    }

    static byte[] ValidArchive() =>
        Encoding.UTF8.GetBytes(StateCorpus.ValidText().Replace("sess_20261124_001", DamagedId, StringComparison.Ordinal));

    static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return output.ToArray();
    }

    public static IReadOnlyList<DamagedArchive> Archives { get; } =
    [
        new("garbage-json.gz", DamagedId + ".json.gz", () => Enumerable.Range(0, 2048).Select(i => (byte)(i * 7919 % 251)).ToArray(), "not gzip data"),
        new("truncated-gzip", DamagedId + ".json.gz", () => Gzip(ValidArchive())[..200], "gzip data"),
        new("gzip-of-garbage", DamagedId + ".json.gz", () => Gzip("{ not json"u8.ToArray()), "invalid JSON"),
        new("truncated-json", DamagedId + ".json", () => ValidArchive()[..300], "invalid JSON"),
        new("empty-json", DamagedId + ".json", () => [], "the file is empty"),
        new("resolved-not-a-list", DamagedId + ".json", () => """{"errors": {"resolved": "none"}}"""u8.ToArray(), "$.errors.resolved"),
        new("newer-schema", DamagedId + ".json", () => """{"schema_version": 9}"""u8.ToArray(), "schema_version 9 is newer"),
        new("oversized-json", DamagedId + ".json", () => Encoding.ASCII.GetBytes("{\"todos\": [\"" + new string('x', 17 * 1024 * 1024) + "\"]}"), "larger than the 16 MB"),
    ];

    public static TheoryData<string> ArchiveNames => new(Archives.Select(a => a.Name));

    [Fact]
    public void A_damaged_archive_read_by_a_build_with_a_new_error_is_one_SR0008_naming_it_and_left_as_it_is()
    {
        var rows = new List<CorpusRow>();
        foreach (var archive in Archives)
        {
            using var repo = new TaskRepository();
            // A new error makes the build look for earlier resolutions in every archive.
            CompileWithOneError(repo);
            var path = Path.Combine(repo.Root, ".session-history", archive.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, archive.Bytes());
            var before = Snapshot(repo.Root);
            var (task, engine) = Capture(repo);

            var failures = new List<string>();
            if (!task.Execute()) failures.Add("Execute returned false");
            failures.AddRange(OneWarning(engine, "SR0008", path, $".session-history/{archive.FileName}", archive.ExpectedPhrase));
            if (!(engine.Warnings.FirstOrDefault()?.Message ?? "").Contains("left as it is", StringComparison.Ordinal)) failures.Add("the message does not say the file was left as it is");
            if (!File.Exists(repo.StateFile) || !StateJson.Deserialize(File.ReadAllBytes(repo.StateFile)).Errors.Unresolved.Any(e => e.Code == "CS0029"))
                failures.Add("the compile was not recorded");
            failures.AddRange(CheckNothingElseChanged(repo, before, [repo.StateFile, repo.StateFile + ".lock", repo.StampFile, Path.Combine(repo.Root, ".gitignore")]));
            rows.Add(Row(archive.Name, engine, failures, "skipped, left as it is", repo.Root));
        }
        Print("CaptureBuildDiagnostics over damaged history archives", rows);
    }

    [Fact]
    public void SessionHistory_over_each_damaged_archive_is_one_SR0008_and_a_line_that_says_so()
    {
        foreach (var archive in Archives)
        {
            using var repo = new TaskRepository();
            var path = Path.Combine(repo.Root, ".session-history", archive.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bytes = archive.Bytes();
            File.WriteAllBytes(path, bytes);
            var engine = new FakeBuildEngine();
            var task = new PrintSessionHistory { BuildEngine = engine, ProjectFile = repo.ProjectFile, Clock = () => Now };

            Assert.True(task.Execute(), archive.Name);

            Assert.Empty(OneWarning(engine, "SR0008", path, $".session-history/{archive.FileName}", archive.ExpectedPhrase));
            Assert.Contains(engine.HighMessages, m => m.Contains(DamagedId, StringComparison.Ordinal) && m.Contains("SR0008", StringComparison.Ordinal));
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }
    }

    /// <summary>A damaged .session-resume.json: its bytes and a phrase of the SR0006 warning.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes, string ExpectedPhrase)> Configs { get; } =
    [
        ("invalid-json", "{ \"max_history\": 5,"u8.ToArray(), "is not valid JSON"),
        ("binary-garbage", Enumerable.Range(0, 512).Select(i => (byte)(i * 31 % 256)).ToArray(), "is not valid JSON"),
        ("an-array", "[ { \"max_history\": 5 } ]"u8.ToArray(), "must hold a JSON object"),
        ("a-string", "\"max_history=5\""u8.ToArray(), "must hold a JSON object"),
        ("max_history-as-text", "{ \"max_history\": \"twenty\" }"u8.ToArray(), "\"max_history\" must be"),
        ("auto_save-quoted", "{ \"auto_save\": \"true\" }"u8.ToArray(), "Write the value without quotes"),
        ("state_file-as-number", "{ \"state_file\": 5 }"u8.ToArray(), "\"state_file\" must be"),
        ("misspelt-key", "{ \"max_histroy\": 5 }"u8.ToArray(), "did you mean \"max_history\""),
        ("duplicate-key", "{ \"max_history\": 5, \"max_history\": 6 }"u8.ToArray(), "given more than once"),
    ];

    [Fact]
    public void A_damaged_configuration_is_one_SR0006_naming_it_the_build_is_recorded_with_defaults_and_the_file_is_left_as_it_is()
    {
        var rows = new List<CorpusRow>();
        foreach (var (name, bytes, phrase) in Configs)
        {
            using var repo = new TaskRepository();
            CompileWithOneError(repo);
            var path = Path.Combine(repo.Root, ".session-resume.json");
            File.WriteAllBytes(path, bytes);
            var before = Snapshot(repo.Root);
            var (task, engine) = Capture(repo);

            var failures = new List<string>();
            if (!task.Execute()) failures.Add("Execute returned false");
            failures.AddRange(OneWarning(engine, "SR0006", path, ".session-resume.json", phrase));
            if (!File.Exists(repo.StateFile) || !StateJson.Deserialize(File.ReadAllBytes(repo.StateFile)).Errors.Unresolved.Any(e => e.Code == "CS0029"))
                failures.Add("the compile was not recorded in the default state file");
            failures.AddRange(CheckNothingElseChanged(repo, before, [repo.StateFile, repo.StateFile + ".lock", repo.StampFile, Path.Combine(repo.Root, ".gitignore")]));
            rows.Add(Row(name, engine, failures, "defaults used, recorded", repo.Root));
        }
        Print("CaptureBuildDiagnostics over damaged .session-resume.json", rows);
    }

    static IEnumerable<string> OneWarning(FakeBuildEngine engine, string code, string path, string shownAs, string phrase)
    {
        if (engine.Errors.Count > 0) yield return $"errors logged: {string.Join(" | ", engine.Errors.Select(e => e.Message))}";
        if (engine.Warnings.Count != 1)
        {
            yield return $"expected one warning, got {engine.Warnings.Count}: {string.Join(" | ", engine.Warnings.Select(w => $"{w.Code} {w.Message}"))}";
            yield break;
        }
        var warning = engine.Warnings[0];
        var message = warning.Message ?? "";
        if (warning.Code != code) yield return $"code {warning.Code}, expected {code}";
        if (warning.File != path) yield return $"the warning's file is {warning.File}, not {path}";
        if (!message.Contains(shownAs, StringComparison.Ordinal)) yield return $"the message does not name {shownAs}";
        if (!message.Contains(phrase, StringComparison.Ordinal)) yield return $"the message does not say \"{phrase}\"";
    }

    static CorpusRow Row(string name, FakeBuildEngine engine, List<string> failures, string result, string root) =>
        new(name, string.Join(",", engine.Warnings.Select(w => w.Code)), failures.Count == 0 ? result : "FAILED", null, null,
            Reason(engine.Warnings.FirstOrDefault()?.Message ?? "", root), failures);

    void Print(string title, List<CorpusRow> rows)
    {
        var table = Table(title, rows);
        output.WriteLine(table);
        Assert.True(rows.All(r => r.Ok), table);
    }
}
