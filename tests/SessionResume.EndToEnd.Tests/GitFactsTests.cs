using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

/// <summary>
/// The state knows the commit, branch and worktree it was made against, and SessionRestore says what
/// git did since. The oracle is git itself.
/// </summary>
public class GitFactsTests
{
    const string Project = "src/Lib/Lib.csproj";

    static string GitOut(ThrowawayRepo repo, params string[] arguments) => repo.Git(arguments).Output.Trim();

    [Fact]
    public void The_state_is_stamped_with_git_and_the_restore_says_what_happened_since()
    {
        using var repo = ThrowawayRepo.Create(nameof(The_state_is_stamped_with_git_and_the_restore_says_what_happened_since));
        repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        var start = GitOut(repo, "rev-parse", "HEAD");
        var build = repo.Build(Project);
        Check.That(build.Succeeded, repo.Describe(build));

        var git = repo.ReadState()["git"];
        var branch = GitOut(repo, "branch", "--show-current");
        Check.That(Str(git, "commit") == start && Str(git, "branch") == branch && Str(git, "session_start_commit") == start,
            $"Expected commit {start} on {branch}.\n{Show(git)}");
        // Relative to the repository's main worktree: the same for a state made in CI and read on a laptop.
        Check.That(Str(git, "worktree") == ".", Show(git));
        // The library's files are not committed yet: git says so, and so does the state.
        Check.That(GitOut(repo, "status", "--porcelain").Length > 0 && git?["dirty"]?.GetValue<bool>() == true, Show(git));

        var none = repo.MSBuild(Project, "SessionRestore");
        Check.Not(none.Output.Contains(" since", StringComparison.Ordinal) || none.Output.Contains("branch changed", StringComparison.Ordinal),
            "Nothing happened since: nothing to say.\n" + repo.Describe(none));

        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Add the library");
        repo.WriteFile("src/Lib/Clean.cs", Sources.Clean("Lib") + "\n// more\n");
        repo.Git("commit", "-q", "-am", "Parse the rate");
        repo.Git("checkout", "-q", "-b", "feature/x");

        var restore = repo.MSBuild(Project, "SessionRestore");
        var count = GitOut(repo, "rev-list", "--count", start + "..HEAD");
        var head = GitOut(repo, "log", "-1", "--format=%h");
        var expected = $"⚠ {count} commits since (HEAD {head} \"Parse the rate\")";
        Check.That(count == "2" && restore.Output.Contains(expected, StringComparison.Ordinal), $"Expected '{expected}'.\n{repo.Describe(restore)}");
        Check.That(restore.Output.Contains($"⚠ branch changed: {branch} → feature/x", StringComparison.Ordinal), repo.Describe(restore));

        // The next build stamps the new commit; the session still started where it did.
        repo.WriteFile("src/Lib/Notes.txt", "one\ntwo\nthree\n");   // untracked: counts as added
        Check.That(repo.Build(Project).Succeeded, repo.Describe());
        var state = repo.ReadState();
        git = state["git"];
        Check.That(Str(git, "commit") == GitOut(repo, "rev-parse", "HEAD") && Str(git, "branch") == "feature/x"
                   && Str(git, "session_start_commit") == start && git?["dirty"]?.GetValue<bool>() == true, Show(git));

        // The diffstat against the session's start: git's own numbers, and the untracked file's lines.
        var numstat = GitOut(repo, "diff", "--numstat", "--relative", start).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t')).ToDictionary(p => p[2], p => (long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
        numstat["src/Lib/Notes.txt"] = (3, 0);
        var diffstat = state["files"]?["diffstat"]?.AsObject();
        Check.That(diffstat is not null && diffstat.Count == numstat.Count
                   && numstat.All(n => Int(diffstat[n.Key], "added") == n.Value.Item1 && Int(diffstat[n.Key], "removed") == n.Value.Item2),
            $"Expected git's numstat {string.Join(", ", numstat.Select(n => $"{n.Key} +{n.Value.Item1} -{n.Value.Item2}"))}.\n{Show(diffstat)}");
        Assert.Equal(["Add the library", "Parse the rate"], Strings(state, "commits"));
        var summary = repo.MSBuild(Project, "SessionRestore");
        Check.That(summary.Output.Contains("Changed in this session: ", StringComparison.Ordinal), repo.Describe(summary));

        // The session's commits go with it into its archive and the digest.
        var sessionId = Str(state, "session_id");
        repo.MSBuild(Project, "SessionSave", "-p:SessionObjective=Stamp git");
        var archive = System.Text.Json.Nodes.JsonNode.Parse(repo.ReadFile($".session-history/{sessionId}.json"));
        Assert.Equal(["Add the library", "Parse the rate"], Strings(archive, "commits"));
        var digest = repo.ReadFile("token-cache/summaries.md");
        Check.That(digest.Split('\n').Any(l => l.StartsWith("- Commits: ", StringComparison.Ordinal) && l.Contains("Parse the rate", StringComparison.Ordinal)),
            digest);
    }

    [Fact]
    public void An_entry_whose_file_changed_or_went_away_since_is_flagged()
    {
        using var repo = ThrowawayRepo.Create(nameof(An_entry_whose_file_changed_or_went_away_since_is_flagged));
        repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        var build = repo.Build(Project);
        var line = System.Text.RegularExpressions.Regex.Match(build.Output, @"Calculator\.cs\((\d+),\d+\): error (CS\d+)");
        Check.That(build.ExitCode != 0 && line.Success, repo.Describe(build));
        var place = $"{line.Groups[2].Value} in src/Lib/Calculator.cs line {line.Groups[1].Value}";

        var fresh = repo.MSBuild(Project, "SessionRestore");
        Check.Not(fresh.Output.Contains("(file changed since", StringComparison.Ordinal), "Nothing changed yet.\n" + repo.Describe(fresh));

        // Edited without building: the entry may be fixed.
        repo.WriteFile("src/Lib/Calculator.cs", repo.ReadFile("src/Lib/Calculator.cs") + "\n// edited\n");
        var edited = repo.MSBuild(Project, "SessionRestore");
        Check.That(edited.Output.Contains($"⚠ {place} (file changed since: may be fixed)", StringComparison.Ordinal), repo.Describe(edited));

        File.Delete(repo.FullPath("src/Lib/Calculator.cs"));
        var deleted = repo.MSBuild(Project, "SessionRestore");
        Check.That(deleted.Output.Contains($"⚠ {place} (file deleted since)", StringComparison.Ordinal), repo.Describe(deleted));
    }

    [Fact]
    public void With_git_a_fix_is_named_by_its_diff()
    {
        using var repo = ThrowawayRepo.Create(nameof(With_git_a_fix_is_named_by_its_diff));
        repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Broken");
        Check.That(repo.Build(Project).ExitCode != 0, repo.Describe());

        // The offending line is deleted (x becomes a field above it): the line now at its number is
        // another one, and only the diff knows that the line went.
        var source = repo.ReadFile("src/Lib/Calculator.cs");
        repo.WriteFile("src/Lib/Calculator.cs", source
            .Replace("{\n    public int Value()", "{\n    int x = 1;\n    public int Value()", StringComparison.Ordinal)
            .Replace("        " + Sources.BrokenStatement + "\n", "", StringComparison.Ordinal));
        var diff = GitOut(repo, "diff", "-U0", "HEAD", "--", "src/Lib/Calculator.cs");
        // The oracle: git's own diff removes the offending line.
        Check.That(diff.Split('\n').Any(l => l.StartsWith('-') && l.Contains(Sources.BrokenStatement, StringComparison.Ordinal)), diff);
        Check.That(repo.Build(Project).Succeeded, repo.Describe());

        var resolved = Resolved(repo.ReadState()).FirstOrDefault(r => Str(r, "code") == "CS0029");
        Check.That(Str(resolved, "resolution")?.EndsWith($"(`{Sources.BrokenStatement}`) was removed (git diff).", StringComparison.Ordinal) == true,
            Show(resolved) + "\n" + diff);

        // An error brought and taken away without a commit: the file is back as HEAD has it.
        repo.Git("commit", "-q", "-am", "Fixed");
        var committed = repo.ReadFile("src/Lib/Calculator.cs");
        repo.WriteFile("src/Lib/Calculator.cs", committed.Replace("    public int Value()", "    int bad = \"x\";\n    public int Value()", StringComparison.Ordinal));
        Check.That(repo.Build(Project).ExitCode != 0, repo.Describe());
        repo.WriteFile("src/Lib/Calculator.cs", committed);
        Check.That(GitOut(repo, "diff", "HEAD", "--", "src/Lib/Calculator.cs").Length == 0, "The file is as committed.");
        Check.That(repo.Build(Project).Succeeded, repo.Describe());
        var undone = Resolved(repo.ReadState()).FirstOrDefault(r => Str(r, "code") == "CS0029");
        Check.That(Str(undone, "resolution") == "src/Lib/Calculator.cs is back as it was committed: the change that brought the error was undone (git diff).",
            Show(undone));
    }

    [Fact]
    public void Without_git_on_PATH_no_git_key_appears_the_build_is_unchanged_and_one_SR0007_says_why()
    {
        using var repo = ThrowawayRepo.Create(nameof(Without_git_on_PATH_no_git_key_appears_the_build_is_unchanged_and_one_SR0007_says_why));
        repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        // Only the folder of dotnet on PATH: no git.
        var build = repo.Shell($"PATH=\"$(dirname \"$(command -v dotnet)\")\" dotnet build {Project} -nodeReuse:false -tl:off");
        Check.That(build.ExitCode != 0 && build.Output.Contains("error CS0029", StringComparison.Ordinal), repo.Describe(build));
        var sr0007 = System.Text.RegularExpressions.Regex.Count(build.Output, @"warning SR0007:");
        // The build prints each warning twice (where it happens and in the summary at the end).
        Check.That(sr0007 is >= 1 and <= 2, $"{sr0007} SR0007 lines.\n{repo.Describe(build)}");
        var state = repo.ReadState();
        Check.That(state["git"] is null && state["commits"] is null && state["files"]?["diffstat"] is null, repo.ReadStateText());
        Check.That(Unresolved(state).Any(e => Str(e, "code") == "CS0029"), repo.ReadStateText());
    }
}
