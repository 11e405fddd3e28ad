using SessionResume.Tests.Infrastructure;
using Xunit.Abstractions;
using static SessionResume.Tests.Faults.FaultSetup;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests.Faults;

// Issue 5, items 3 and 6, with the real `dotnet build`: bad input and faults never change the build's
// result; the package says what happened, and how to fix it, in one SR warning. One class per fault,
// so that two of them run at once (xunit.runner.json); each costs a restore and a build or two.

/// <summary>(a) A state file of binary garbage.</summary>
public class GarbageStateFaultTests(ITestOutputHelper output)
{
    [Fact]
    public void A_garbage_state_file_is_kept_aside_byte_identical_with_one_SR0001_and_neither_a_passing_nor_a_failing_build_changes()
    {
        using var repo = ThrowawayRepo.Create(nameof(GarbageStateFaultTests));
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.FixedStatement));
        var garbage = Garbage(4096, seed: 1);
        File.WriteAllBytes(repo.StatePath, garbage);

        var passing = repo.Build(project);
        Check.That(passing.Succeeded, "The build passes without the package, so it must pass with it.\n" + repo.Describe());
        var copies = repo.CorruptStateCopies();
        Check.That(copies.Length == 1, $"Expected one copy kept aside, found {copies.Length}.\n" + repo.Describe());
        Assert.Equal(garbage, File.ReadAllBytes(copies[0]));
        output.WriteLine(OneWarning(repo, passing, "SR0001", repo.StatePath, "the file is not valid UTF-8 text", $"It was kept as {copies[0]}"));
        Check.That(Int(repo.ReadState(), "schema_version") == 1, "A fresh state is written.\n" + repo.Describe());

        // A failing build with garbage again: it still fails, with its own error, and the garbage is kept too.
        repo.WriteFile("src/Lib/Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        var garbage2 = Garbage(4096, seed: 2);
        File.WriteAllBytes(repo.StatePath, garbage2);
        var failing = repo.Rebuild(project);
        Check.That(failing.ExitCode == 1, "A failing build must still fail.\n" + repo.Describe());
        Assert.Contains("error CS0029", failing.Output);
        var second = repo.CorruptStateCopies().Except(copies).ToArray();
        Check.That(second.Length == 1, "The second garbage file is kept aside too, beside the first.\n" + repo.Describe());
        Assert.Equal(garbage2, File.ReadAllBytes(second[0]));
        Assert.Equal(garbage, File.ReadAllBytes(copies[0]));
        var package = Printed.Lines(failing.Output).Where(l => l.Contains("warning SR", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        Check.That(package.Count == 1 && package[0].Contains("warning SR0001:", StringComparison.Ordinal) && package[0].Contains(second[0], StringComparison.Ordinal),
            "One SR0001 naming where the file went.\n" + repo.Describe(failing));
        output.WriteLine(package[0]);
        Assert.Contains(Unresolved(repo.ReadState()), e => Str(e, "code") == "CS0029");
    }
}

/// <summary>(b) A read-only session root, with a read-only state file in it.</summary>
public class ReadOnlyRootFaultTests(ITestOutputHelper output)
{
    [FaultFact(FaultNeeds.ReadOnlyFolder)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_read_only_session_root_leaves_the_build_result_and_the_state_alone_with_one_SR0003_saying_how_to_fix_it()
    {
        using var repo = ThrowawayRepo.Create(nameof(ReadOnlyRootFaultTests));
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.FixedStatement));
        Check.That(repo.Build(project).Succeeded, repo.Describe());
        var before = File.ReadAllBytes(repo.StatePath);
        var siblingsBefore = Directory.GetFiles(repo.Root).ToHashSet(StringComparer.Ordinal);

        repo.WriteFile("src/Lib/Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        var rootMode = File.GetUnixFileMode(repo.Root);
        var stateMode = File.GetUnixFileMode(repo.StatePath);
        File.SetUnixFileMode(repo.StatePath, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(repo.Root, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        CommandResult build;
        try
        {
            // As root, chmod stops nobody: the build runs in a user namespace as an unprivileged owner of the same files.
            build = ReadOnly == ReadOnlyMethod.Chmod
                ? repo.Rebuild(project)
                : repo.Shell($"unshare --map-user={UnprivilegedId} --map-group={UnprivilegedId} dotnet build {project} --no-restore -nodeReuse:false -tl:off");
        }
        finally
        {
            File.SetUnixFileMode(repo.Root, rootMode);
            File.SetUnixFileMode(repo.StatePath, stateMode);
        }

        Check.That(build.ExitCode == 1, $"The failing build still fails (simulated by {ReadOnly}).\n" + repo.Describe(build));
        Assert.Contains("error CS0029", build.Output);
        output.WriteLine(OneWarning(repo, build, "SR0003", $"Could not update {repo.StatePath}: access was denied", "is denied", $"Make {repo.Root} and .session-state.json readable and writable"));
        Assert.Equal(before, File.ReadAllBytes(repo.StatePath));
        // What the good build left beside the state (the lock, the pointer to its start marker) may stay; nothing new may appear.
        var leftovers = Directory.GetFiles(repo.Root).Where(f => !siblingsBefore.Contains(f)).Select(Path.GetFileName).OfType<string>()
            .Where(n => n.StartsWith(ThrowawayRepo.StateFileName + ".", StringComparison.Ordinal) && n != ThrowawayRepo.StateFileName + ".lock").ToList();
        Check.That(leftovers.Count == 0, "Nothing beside the state: " + string.Join(", ", leftovers) + "\n" + repo.Describe(build));
    }
}

/// <summary>(c) The state path is a directory.</summary>
public class StatePathIsADirectoryFaultTests(ITestOutputHelper output)
{
    [Fact]
    public void A_directory_where_the_state_file_should_be_is_one_SR0003_and_is_left_alone()
    {
        using var repo = ThrowawayRepo.Create(nameof(StatePathIsADirectoryFaultTests));
        var project = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        Directory.CreateDirectory(repo.StatePath);
        File.WriteAllText(Path.Combine(repo.StatePath, "keep.txt"), "mine");

        var build = repo.Build(project);

        Check.That(build.Succeeded, repo.Describe(build));
        output.WriteLine(OneWarning(repo, build, "SR0003", $"Could not update {repo.StatePath}: it is a directory, not a file", "Rename or remove that directory"));
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(repo.StatePath).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(repo.StatePath, "keep.txt")));
    }
}

/// <summary>(d) git is not on PATH.</summary>
public class GitMissingFaultTests(ITestOutputHelper output)
{
    [FaultFact(FaultNeeds.PathWithoutGit)]
    public void Without_git_on_PATH_the_build_is_recorded_with_one_SR0007_saying_to_install_git_or_turn_the_diff_off()
    {
        using var repo = ThrowawayRepo.Create(nameof(GitMissingFaultTests));
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        var bin = E2EEnvironment.Instance.NewDirectory("path-without-git");
        File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), DotNetExecutable());
        var environment = new Dictionary<string, string?>(E2EEnvironment.Instance.ChildEnvironment()) { ["PATH"] = bin };

        var build = ProcessRunner.Run(Path.Combine(bin, "dotnet"), ["build", project, "-nodeReuse:false", "-tl:off"], repo.Root, environment);

        Check.That(build.ExitCode == 1, "The failing build still fails.\n" + repo.Describe(build));
        Assert.Contains("error CS0029", build.Output);
        output.WriteLine(OneWarning(repo, build, "SR0007", "git could not be started", "Install git or put it on PATH", "SessionResumeIncludeGitDiff=false"));
        Assert.Contains(Unresolved(repo.ReadState()), e => Str(e, "code") == "CS0029");
    }
}

/// <summary>(e) A full disk: the state lives on a tiny tmpfs that is full.</summary>
public class FullDiskFaultTests(ITestOutputHelper output)
{
    [FaultFact(FaultNeeds.TinyTmpfs)]
    public void A_full_disk_leaves_the_build_result_and_the_state_alone_with_one_SR0003_saying_the_disk_is_full()
    {
        using var repo = ThrowawayRepo.Create(nameof(FullDiskFaultTests));
        var project = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        repo.WriteFile(".session-resume.json", """{ "state_file": "state/.session-state.json" }""");
        Directory.CreateDirectory(repo.FullPath("state"));
        // A state from an earlier build, to be found on the full disk and left as it is.
        repo.WriteFile("state-before.json", """{ "schema_version": 1, "todos": ["keep me"] }""");

        // In a private mount namespace: a 64 KiB tmpfs on state/, the earlier state copied in, the rest filled.
        var build = repo.Shell(string.Join(" && ",
            "unshare --map-root-user --mount bash -c " + Quote(string.Join("\n",
                "set -e",
                "mount -t tmpfs -o size=64k tmpfs state",
                "cp state-before.json state/.session-state.json",
                "head -c 1048576 /dev/zero > state/fill 2>/dev/null || true",
                "df -k state | tail -1",
                "set +e",
                $"dotnet build {project} -nodeReuse:false -tl:off",
                "rc=$?",
                "cp state/.session-state.json state-after.json",
                "ls -a state > state-listing.txt",
                "exit $rc"))));

        Check.That(build.Succeeded, "A passing build still passes on a full disk.\n" + repo.Describe(build));
        output.WriteLine(OneWarning(repo, build, "SR0003", "state/.session-state.json", "No space left on device", "the disk is not full"));
        Assert.Equal(repo.ReadFile("state-before.json"), repo.ReadFile("state-after.json"));
        var listing = repo.ReadFile("state-listing.txt");
        Check.That(!listing.Contains(".tmp-", StringComparison.Ordinal), "No temporary file is left behind.\n" + listing);
    }
}
