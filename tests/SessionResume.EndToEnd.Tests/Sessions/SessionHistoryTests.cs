using System.Text.RegularExpressions;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Sessions.SessionFiles;

namespace SessionResume.Tests.Sessions;

/// <summary>`dotnet msbuild -t:SessionHistory`: one line per archived session, newest first; damaged archives skipped with SR0008.</summary>
public class SessionHistoryTests
{
    [Fact]
    public void SessionHistory_prints_one_line_per_session_newest_first_and_a_damaged_archive_is_an_SR0008_warning_naming_it_left_untouched()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionHistoryTests));
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        Check.That(repo.Build(project).ExitCode != 0, repo.Describe());
        var fingerprint = Str(UnresolvedWithCode(repo, repo.ReadState(), "CS0029"), "fingerprint")!;

        // Three real sessions: the error open in the first two, resolved in the third.
        Check.That(repo.MSBuild(project, "SessionSave", "-p:SessionObjective=Alpha objective", "-p:SessionStatus=in-progress").Succeeded, repo.Describe());
        var alpha = SessionId(repo, repo.ReadState());
        Check.That(repo.MSBuild(project, "SessionSave", "-p:SessionObjective=Beta objective", "-p:SessionStatus=blocked").Succeeded, repo.Describe());
        var beta = SessionId(repo, repo.ReadState());
        Check.That(repo.MSBuild(project, "SessionSave", "-p:SessionObjective=Gamma objective", "-p:SessionStatus=done",
            $"-p:SessionResolution={fingerprint}=Parsed it").Succeeded, repo.Describe());
        var gamma = SessionId(repo, repo.ReadState());
        Check.That(alpha != beta && beta != gamma, repo.Describe());
        // token-cache/summaries.md has a section per saved session, newest first.
        var summaries = repo.ReadFile(Summaries);
        var headings = Printed.Lines(summaries).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Split(' ')[0]).ToList();
        Check.That(headings.SequenceEqual([gamma, beta, alpha]), $"Sections of {Summaries}: {string.Join(", ", headings)}\n{summaries}");

        // Three older ones from an earlier day: one readable, one .json.gz of garbage bytes, one truncated .json.
        var readable = $"sess_{OldDay}_002";
        var garbage = $"sess_{OldDay}_001.json.gz";
        var truncated = $"sess_{OldDay}_003.json";
        var old = ReadArchive(repo, alpha + ".json");
        old["session_id"] = readable;
        old["objectives"]!["primary"] = "Old objective";
        WriteArchive(repo, readable + ".json.gz", Gzip(Utf8(Show(old))));
        WriteArchive(repo, garbage, [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02]);
        var full = File.ReadAllBytes(ArchivePath(repo, alpha + ".json"));
        WriteArchive(repo, truncated, full[..(full.Length / 2)]);
        var damagedBefore = new[] { garbage, truncated }.ToDictionary(f => f, f => File.ReadAllBytes(ArchivePath(repo, f)));

        var history = repo.MSBuild(project, "SessionHistory");
        var context = repo.Describe();
        Check.That(history.Succeeded, "A damaged archive must not fail SessionHistory.\n" + context);

        // One line per session, newest first.
        var lines = Printed.Lines(history.Output).Select(l => l.Trim()).Where(l => Regex.IsMatch(l, @"^sess_\d{8}_\d{3}\b")).ToList();
        var ids = lines.Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal([gamma, beta, alpha, $"sess_{OldDay}_003", readable, $"sess_{OldDay}_001"], ids);
        string Line(string id) => lines.Single(l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.Matches("\"Gamma objective\"\\s+no errors\\s+done$", Line(gamma));
        Assert.Matches("\"Beta objective\"\\s+1 error\\s+blocked$", Line(beta));
        Assert.Matches("\"Alpha objective\"\\s+1 error\\s+in-progress$", Line(alpha));
        Assert.Matches("\"Old objective\"\\s+1 error\\s+in-progress$", Line(readable));
        Assert.Contains("unreadable", Line($"sess_{OldDay}_001"));
        Assert.Contains("unreadable", Line($"sess_{OldDay}_003"));

        // One SR0008 warning per damaged file, naming it; the files are left exactly as they were.
        var warnings = LinesWith(history, "warning SR0008");
        foreach (var damaged in damagedBefore.Keys)
        {
            Check.That(warnings.Any(w => w.Contains($"{HistoryDirectory}/{damaged}", StringComparison.Ordinal)), $"Expected SR0008 naming {damaged}.\n{context}");
            Check.That(File.ReadAllBytes(ArchivePath(repo, damaged)).AsSpan().SequenceEqual(damagedBefore[damaged]), $"{damaged} was changed.\n{context}");
        }
        Check.Not(warnings.Any(w => w.Contains(readable, StringComparison.Ordinal) || w.Contains(alpha, StringComparison.Ordinal)), "Only damaged archives are warned about.\n" + context);
    }
}
