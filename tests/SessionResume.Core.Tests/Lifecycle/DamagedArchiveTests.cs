using System.IO.Compression;
using System.Text;
using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Tests.Support;
using SessionResume.Views;

namespace SessionResume.Tests.Lifecycle;

public class DamagedArchiveTests
{
    const string Damaged = "sess_20261124_002";

    /// <summary>A damaged archive's file name and bytes, and words its warning must contain.</summary>
    public static TheoryData<string, string, string> Kinds()
    {
        var good = Encoding.UTF8.GetBytes(StateJson.Serialize(WithResolution(Damaged, "fixed in the damaged one")));
        var gzip = Gzip(good);
        return new TheoryData<string, string, string>
        {
            { "truncated gzip (cut in the middle)", ".json.gz", Convert.ToBase64String(gzip[..(gzip.Length / 2)]) },
            { "truncated gzip (trailer cut)", ".json.gz", Convert.ToBase64String(gzip[..^3]) },
            { "gzip with a flipped byte", ".json.gz", Convert.ToBase64String(Flip(gzip, gzip.Length / 2)) },
            { "garbage named .json.gz", ".json.gz", Convert.ToBase64String("this is not gzip at all"u8.ToArray()) },
            { "plain JSON named .json.gz", ".json.gz", Convert.ToBase64String(good) },
            { "valid gzip of garbage", ".json.gz", Convert.ToBase64String(Gzip("{ not json"u8.ToArray())) },
            { "garbage .json", ".json", Convert.ToBase64String("\u0001\u0002 garbage {"u8.ToArray()) },
            { "empty .json", ".json", "" },
            { "wrong type in resolved", ".json", Convert.ToBase64String("""{"errors": {"resolved": [{"line": "ten"}]}}"""u8.ToArray()) },
            { "resolved is not a list", ".json", Convert.ToBase64String("""{"errors": {"resolved": "none"}}"""u8.ToArray()) },
            { "an array, not an object", ".json", Convert.ToBase64String("[1, 2]"u8.ToArray()) },
            { "invalid UTF-8", ".json", Convert.ToBase64String([.. "{\"project\": \""u8, 0xC3, 0x28, .. "\"}"u8]) },
            { "newer schema", ".json", Convert.ToBase64String("""{"schema_version": 99}"""u8.ToArray()) },
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_damaged_archive_is_skipped_with_SR0008_naming_the_file_and_left_as_it_is(string kind, string extension, string base64)
    {
        using var f = new ArchiveFixture();
        f.Save("sess_20261124_001", state: WithResolution("sess_20261124_001", "fixed in the good older one"));
        f.Save("sess_20261124_003", state: WithResolution("sess_20261124_003", "fixed in the good newer one"));
        var content = Convert.FromBase64String(base64);
        var path = f.FileIn(Damaged + extension);
        File.WriteAllBytes(path, content);
        var session = f.Archive.List().Single(s => s.Id == Damaged);

        var readProblems = new List<Problem>();
        Assert.Null(f.Archive.TryRead(session, readProblems));
        AssertOneWarningAbout(readProblems, path, kind);

        var loadProblems = new List<Problem>();
        var resolutions = f.Archive.LoadResolutions(loadProblems);
        Assert.Equal(["fixed in the good newer one", "fixed in the good older one"], resolutions.Select(r => r.Resolution));
        AssertOneWarningAbout(loadProblems, path, kind);

        var viewProblems = new List<Problem>();
        var lines = HistoryView.Lines(f.Archive, viewProblems);
        Assert.Equal($"{Damaged}  (unreadable: see warning SR0008)", lines[1]);
        Assert.Equal(3, lines.Count);
        AssertOneWarningAbout(viewProblems, path, kind);

        Assert.Equal(content, File.ReadAllBytes(path));
        Assert.Equal(3, f.Archive.List().Count);
    }

    [Fact]
    public void A_damaged_archive_is_not_removed_by_a_save_that_keeps_it()
    {
        using var f = new ArchiveFixture();
        Directory.CreateDirectory(f.HistoryDirectory);
        File.WriteAllText(f.FileIn("sess_20261124_001.json"), "{ damaged");

        f.Save("sess_20261124_002", compress: true);
        f.Save("sess_20261124_003", compress: true);
        f.Save("sess_20261124_004", compress: true);

        // Compression keeps the bytes as they are, so the damage is still there to look at.
        var session = f.Archive.List()[^1];
        Assert.True(session.Compressed);
        var problems = new List<Problem>();
        Assert.Null(f.Archive.TryRead(session, problems));
        Assert.Contains("invalid JSON", Assert.Single(problems).Message);
    }

    [Fact]
    public void Wrong_types_outside_errors_resolved_damage_the_state_but_not_its_resolutions()
    {
        // LoadResolutions reads only errors.resolved (the JSON syntax of the whole file is still checked):
        // a resolution that is intact is worth finding even when another part of its archive is not.
        using var f = new ArchiveFixture();
        Directory.CreateDirectory(f.HistoryDirectory);
        File.WriteAllText(f.FileIn("sess_20261124_001.json"), """
            { "tests": { "passing": "many" },
              "errors": { "resolved": [ { "fingerprint": "ab12", "resolution": "Added a null check" } ] } }
            """);

        var problems = new List<Problem>();
        Assert.Null(f.Archive.TryRead(f.Archive.List()[0], problems));
        Assert.Equal(Problem.HistoryUnreadable, Assert.Single(problems).Code);

        problems.Clear();
        Assert.Equal("Added a null check", Assert.Single(f.Archive.LoadResolutions(problems)).Resolution);
        Assert.Empty(problems);
    }

    static void AssertOneWarningAbout(List<Problem> problems, string path, string kind)
    {
        var problem = Assert.Single(problems);
        Assert.Equal(Problem.HistoryUnreadable, problem.Code);
        Assert.Equal(path, problem.File);
        Assert.True(problem.Message.Contains($".session-history/{Path.GetFileName(path)}", StringComparison.Ordinal), $"{kind}: {problem.Message}");
        Assert.Contains("left as it is", problem.Message);
    }

    static SessionState WithResolution(string id, string resolution)
    {
        var state = ArchiveFixture.State(id);
        state.Errors.Resolved.Add(new ResolvedError { Code = "CS0103", Fingerprint = "f-" + id, Resolution = resolution });
        return state;
    }

    static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(content);
        return output.ToArray();
    }

    static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x55;
        return copy;
    }
}
