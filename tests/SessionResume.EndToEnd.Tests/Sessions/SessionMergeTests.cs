using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Sessions.SessionFiles;

namespace SessionResume.Tests.Sessions;

/// <summary>
/// `dotnet msbuild -t:SessionMerge -p:SessionMergeInputs="a.json;b.json"`: the state files of two
/// "machines" (two repositories with different roots, the same layout) merged into a third.
/// </summary>
public class SessionMergeTests
{
    const string Linux = "artifacts/linux.json";
    const string Windows = "artifacts/windows.json";
    const string Missing = "artifacts/macos.json";
    const string Garbage = "artifacts/garbage.json";

    /// <summary>Calculator.cs (CS0029) on both machines; Unknown.cs (CS0103) only on linux, Other.cs (CS0103) only on windows.</summary>
    static ThrowawayRepo BuildMachine(string name, string extraFile, string extraType)
    {
        var repo = ThrowawayRepo.Create(nameof(SessionMergeTests) + "-" + name);
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        repo.WriteFile($"src/Lib/{extraFile}", Sources.UnknownName("Lib", extraType));
        Check.That(repo.Build(project).ExitCode != 0 && repo.StateExists, repo.Describe());
        Check.That(Unresolved(repo.ReadState()).Count == 2, repo.Describe());
        return repo;
    }

    [Fact]
    public void Two_machines_state_files_merge_into_a_union_by_fingerprint_with_seen_in_idempotently_skipping_missing_and_garbage_inputs_with_SR0004()
    {
        using var linux = BuildMachine("linux", "Unknown.cs", "Unknown");
        using var windows = BuildMachine("windows", "Other.cs", "Other");
        using var repo = ThrowawayRepo.Create(nameof(SessionMergeTests) + "-target");
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.FixedStatement));
        repo.WriteFile(Linux, linux.ReadStateText());
        repo.WriteFile(Windows, windows.ReadStateText());
        repo.WriteFile(Garbage, "{ \"session_id\": \"sess_2026");

        var linuxErrors = Unresolved(linux.ReadState());
        var windowsErrors = Unresolved(windows.ReadState());
        var shared = Str(linuxErrors.Single(e => Str(e, "code") == "CS0029"), "fingerprint")!;
        Check.That(Str(windowsErrors.Single(e => Str(e, "code") == "CS0029"), "fingerprint") == shared,
            "The same error on both machines has one fingerprint.\n" + linux.Describe() + windows.Describe());
        var linuxOnly = Str(linuxErrors.Single(e => Str(e, "code") == "CS0103"), "fingerprint")!;
        var windowsOnly = Str(windowsErrors.Single(e => Str(e, "code") == "CS0103"), "fingerprint")!;
        Check.That(linuxOnly != windowsOnly, "The CS0103 errors are in different files.");

        // -restore: the target repository has never been built; SessionMerge does not compile.
        var merge = repo.MSBuild(project, "SessionMerge", "-restore", $"-p:SessionMergeInputs=\"{Linux};{Windows};{Missing};{Garbage}\"");
        var context = repo.Describe();
        Check.That(merge.Succeeded, "Unreadable inputs are warnings; the merge succeeds.\n" + context);
        var skipped = LinesWith(merge, "warning SR0004");
        Check.That(skipped.Count(l => l.Contains(Missing, StringComparison.Ordinal)) == 1, "SR0004 names the missing input.\n" + context);
        Check.That(skipped.Count(l => l.Contains(Garbage, StringComparison.Ordinal)) == 1, "SR0004 names the garbage input.\n" + context);
        Check.Not(skipped.Any(l => l.Contains(Linux, StringComparison.Ordinal) || l.Contains(Windows, StringComparison.Ordinal)), context);
        Check.That(LinesWith(merge, $"Merged {Linux}, {Windows} into {ThrowawayRepo.StateFileName}").Count == 1, context);

        var text = repo.ReadStateText();
        var state = repo.ReadState();
        Assert.Equal([Linux, Windows], Strings(state, "merged_from"));
        var unresolved = Unresolved(state);
        Check.That(unresolved.Count == 3, $"The union of 2 + 2 errors sharing one is 3.\n{context}");
        var byFingerprint = unresolved.ToDictionary(e => Str(e, "fingerprint") ?? "");
        Check.That(byFingerprint.ContainsKey(shared) && byFingerprint.ContainsKey(linuxOnly) && byFingerprint.ContainsKey(windowsOnly), context);
        Assert.Equal([Linux, Windows], Strings(byFingerprint[shared], "seen_in"));
        Assert.Equal([Linux], Strings(byFingerprint[linuxOnly], "seen_in"));
        Assert.Equal([Windows], Strings(byFingerprint[windowsOnly], "seen_in"));
        Check.That(Int(byFingerprint[shared], "attempts") == 1, "attempts (1 on each machine) are not added up.\n" + context);
        Check.That(Str(byFingerprint[linuxOnly], "file") == "src/Lib/Unknown.cs" && Str(byFingerprint[windowsOnly], "file") == "src/Lib/Other.cs", context);
        // Relative paths only: no machine's root, nor any temporary folder, anywhere in the file.
        Assert.DoesNotContain("/tmp", text);
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar), text);
        foreach (var root in new[] { linux.Root, windows.Root, repo.Root })
            Assert.DoesNotContain(root, text);

        // The same two again: nothing changes, to the byte.
        var again = repo.MSBuild(project, "SessionMerge", $"-p:SessionMergeInputs=\"{Linux};{Windows}\"");
        context = repo.Describe();
        Check.That(again.Succeeded, context);
        Check.That(repo.ReadStateText() == text, "Merging the same files again must leave the state byte-identical.\n--- before ---\n" + text + "\n" + context);
        Assert.Empty(LinesWith(again, "warning SR"));
    }
}
