using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Sessions.SessionFiles;

namespace SessionResume.Tests.Sessions;

/// <summary>
/// `-p:SessionResolution="FINGERPRINT=how it was fixed"`: an unknown fingerprint is an error that
/// changes nothing; a unique prefix and the printed form name an error; the resolution is what the
/// build shows when the error comes back in a later session.
/// </summary>
public class SessionResolutionTests
{
    const string Calculator = "src/Lib/Calculator.cs";
    const string Unknown = "src/Lib/Unknown.cs";

    [Fact]
    public void An_unknown_fingerprint_fails_with_SR0009_and_close_matches_a_prefix_and_the_printed_form_resolve_and_the_next_session_says_seen_before()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionResolutionTests));
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        repo.WriteFile(Unknown, Sources.UnknownName("Lib"));
        Check.That(repo.Build(project).ExitCode != 0, repo.Describe());

        var state = repo.ReadState();
        var firstId = SessionId(repo, state);
        var cs0029 = Str(UnresolvedWithCode(repo, state, "CS0029"), "fingerprint")!;
        var cs0103 = Str(UnresolvedWithCode(repo, state, "CS0103"), "fingerprint")!;

        // 1. Twelve hex digits sharing only the first four with CS0029's fingerprint: no such error.
        var unknown = cs0029[..4] + new string(cs0029[4..12].Select(c => c == '0' ? '1' : '0').ToArray());
        Check.Not(cs0103.StartsWith(unknown, StringComparison.OrdinalIgnoreCase), "The made-up fingerprint must be unknown.");
        var before = File.ReadAllBytes(repo.StatePath);
        var failed = repo.MSBuild(project, "SessionSave", "-p:SessionObjective=Must not be saved", $"-p:SessionResolution={unknown}=Guessed");
        var context = repo.Describe();
        Check.That(failed.ExitCode != 0, "An unknown fingerprint must fail the command.\n" + context);
        var errorLines = LinesWith(failed, "error SR0009");
        Check.That(errorLines.Count > 0, "Expected an SR0009 error.\n" + context);
        var errorText = string.Join("\n", errorLines);
        Assert.Contains(unknown, errorText);
        Assert.Contains("Close matches", errorText);
        Assert.Contains(PrintedFingerprint("CS0029", cs0029), errorText);
        Assert.Contains(Calculator, errorText);
        Check.That(File.ReadAllBytes(repo.StatePath).AsSpan().SequenceEqual(before), "The state must be byte-identical after a failed save.\n" + context);
        Check.Not(Directory.Exists(HistoryPath(repo)), "Nothing may be archived by a failed save.\n" + context);
        Check.Not(repo.FileExists(Summaries), "Nothing may be summarised by a failed save.\n" + context);
        Assert.Empty(LinesWith(failed, "Saved session"));

        // 2. The code is fixed (not built yet) and the person says how: a unique 8-digit prefix for
        //    one error, the printed CODE-xxxxxxxxxxxx form for the other, in one save.
        repo.WriteFile(Calculator, Sources.Calculator(Sources.FixedStatement));
        repo.WriteFile(Unknown, Sources.Clean("Lib", "Unknown"));
        var prefix = cs0029[..8];
        Check.Not(cs0103.StartsWith(prefix, StringComparison.Ordinal), "The prefix must name one error.");
        var printed = PrintedFingerprint("CS0103", cs0103);
        var save = repo.MSBuild(project, "SessionSave",
            $"-p:SessionResolution=\"{prefix}=Parsed the text with int.Parse;{printed}=Declared the missing field\"");
        context = repo.Describe();
        Check.That(save.Succeeded, context);
        Assert.Contains($"resolved {PrintedFingerprint("CS0029", cs0029)}", save.Output);
        Assert.Contains($"resolved {printed}", save.Output);
        state = repo.ReadState();
        Check.That(SessionId(repo, state) == firstId, context);
        Check.That(Unresolved(state).Count == 0, context);
        var resolutions = Resolved(state).ToDictionary(e => Str(e, "fingerprint") ?? "", e => Str(e, "resolution"));
        Check.That(resolutions.GetValueOrDefault(cs0029) == "Parsed the text with int.Parse", context);
        Check.That(resolutions.GetValueOrDefault(cs0103) == "Declared the missing field", context);
        Check.That(ReadArchive(repo, firstId + ".json").ToJsonString() == state.ToJsonString(), "The save archived the session.\n" + context);

        // 3. Both errors come back (the first on another line) in the next session: the build shows
        //    SR0101 with the resolution archived with the previous session.
        repo.WriteFile(Calculator, Sources.Calculator(Sources.BrokenStatement, commentLinesAbove: 2));
        repo.WriteFile(Unknown, Sources.UnknownName("Lib"));
        var again = repo.Rebuild(project);
        context = repo.Describe();
        Check.That(again.ExitCode != 0, "The errors are back: the build fails.\n" + context);
        var seenBefore = LinesWith(again, "warning SR0101");
        var calculatorWarning = seenBefore.FirstOrDefault(l => l.Contains("Calculator.cs", StringComparison.Ordinal));
        var unknownWarning = seenBefore.FirstOrDefault(l => l.Contains("Unknown.cs", StringComparison.Ordinal));
        Check.That(calculatorWarning is not null && unknownWarning is not null, "Expected an SR0101 warning for each error.\n" + context);
        Assert.Contains($"This error was seen before (session {firstId}", calculatorWarning);
        Assert.Contains("Previous resolution: \"Parsed the text with int.Parse\"", calculatorWarning);
        Assert.Contains($"This error was seen before (session {firstId}", unknownWarning);
        Assert.Contains("Previous resolution: \"Declared the missing field\"", unknownWarning);

        state = repo.ReadState();
        Assert.Contains(SessionId(repo, state), NextIds(firstId));
        Check.That(Str(state, "continues_session") == firstId, context);
        foreach (var (code, fingerprint, resolution) in new[] { ("CS0029", cs0029, "Parsed the text with int.Parse"), ("CS0103", cs0103, "Declared the missing field") })
        {
            var entry = UnresolvedWithCode(repo, state, code);
            var entryContext = Show(entry) + "\n" + context;
            Check.That(Str(entry, "fingerprint") == fingerprint, entryContext);
            Check.That(Str(entry["seen_before"], "session_id") == firstId, entryContext);
            Check.That(Str(entry["seen_before"], "resolution") == resolution, entryContext);
        }
    }

    /// <summary>A save that is refused leaves no trace, even on a session idle beyond the limit.</summary>
    [Fact]
    public void A_failed_SessionSave_on_an_idle_session_archives_nothing()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionResolutionTests) + "-idle");
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        Check.That(repo.Build(project).ExitCode != 0, repo.Describe());
        ShiftBack(repo, TimeSpan.FromHours(3));
        var before = File.ReadAllBytes(repo.StatePath);

        var failed = repo.MSBuild(project, "SessionSave", "-p:SessionResolution=deadbeef00=Guessed");
        var context = repo.Describe();
        Check.That(failed.ExitCode != 0 && LinesWith(failed, "error SR0009").Count > 0, context);
        Check.That(File.ReadAllBytes(repo.StatePath).AsSpan().SequenceEqual(before), context);
        Check.That(HistoryFiles(repo).Count == 0, $"A failed save archived: {string.Join(", ", HistoryFiles(repo))}\n{context}");
        Check.Not(repo.FileExists(Summaries), $"A failed save wrote {Summaries}.\n{context}");
    }
}
