using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests.Configuration;

/// <summary>include_git_diff: the files section from git status; off, it stays empty; without git, one SR0007 warning.</summary>
public class GitDiffTests
{
    const string Modified = "src/Lib/Calculator.cs";
    const string Created = "src/Lib/Added.cs";
    const string Deleted = "docs/notes.md";

    /// <summary>A committed clean library and a committed document; then one file modified, one created, one deleted.</summary>
    static string CommittedRepoWithChanges(ThrowawayRepo repo, string? config = null)
    {
        var lib = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.FixedStatement));
        repo.WriteFile(Deleted, "# Notes\n");
        if (config is not null) repo.WriteConfig(config);
        repo.CommitAll("Library and notes");

        repo.WriteFile(Modified, Sources.Calculator(Sources.FixedStatement, commentLinesAbove: 1));
        repo.WriteFile(Created, Sources.Clean("Lib", "Added"));
        File.Delete(repo.FullPath(Deleted));
        return lib;
    }

    [Fact]
    public void By_default_files_lists_what_was_created_modified_and_deleted_root_relative_and_never_the_packages_own_files()
    {
        using var repo = ThrowawayRepo.Create();
        var lib = CommittedRepoWithChanges(repo);

        // Without the .gitignore block, git reports the package's files: SessionSave makes all of them.
        var save = repo.MSBuild(lib, "SessionSave", "-restore", "-p:SessionObjective=Track files", "-p:SessionResumeManageGitIgnore=false");
        Check.That(save.Succeeded, repo.Describe());
        var build = repo.Build(lib, "--no-restore", "-p:SessionResumeManageGitIgnore=false");
        Check.That(build.Succeeded, repo.Describe());

        var gitStatus = repo.Git("status", "--porcelain", "--untracked-files=all").Output;
        Check.That(gitStatus.Contains(".session-state.json", StringComparison.Ordinal) && gitStatus.Contains(".session-history/", StringComparison.Ordinal)
                   && gitStatus.Contains("token-cache/summaries.md", StringComparison.Ordinal),
            "git itself lists the package's files, so the checks below mean something.\n" + gitStatus);

        var state = repo.ReadState();
        var context = Show(state["files"]) + "\n" + gitStatus + "\n" + repo.Describe();
        Check.That(ConfigurationRepo.Files(state, "created").SequenceEqual([Created]), context);
        Check.That(ConfigurationRepo.Files(state, "modified").SequenceEqual([Modified]), context);
        Check.That(ConfigurationRepo.Files(state, "deleted").SequenceEqual([Deleted]), context);
    }

    [Fact]
    public void With_include_git_diff_false_files_stays_empty_and_the_property_turns_it_back_on()
    {
        using var repo = ThrowawayRepo.Create();
        var lib = CommittedRepoWithChanges(repo, """{ "include_git_diff": false }""");

        Check.That(repo.Build(lib).Succeeded, repo.Describe());
        var state = repo.ReadState();
        foreach (var list in new[] { "created", "modified", "deleted" })
            Check.That(ConfigurationRepo.Files(state, list).Count == 0, $"files.{list} must stay empty.\n{repo.Describe()}");

        repo.Touch(Modified);
        Check.That(repo.Rebuild(lib, "-p:SessionResumeIncludeGitDiff=true").Succeeded, repo.Describe());
        state = repo.ReadState();
        Check.That(ConfigurationRepo.Files(state, "created").Contains(Created) && ConfigurationRepo.Files(state, "modified").Contains(Modified)
                   && ConfigurationRepo.Files(state, "deleted").Contains(Deleted),
            "-p:SessionResumeIncludeGitDiff=true wins over the file.\n" + repo.Describe());
    }

    [Fact]
    public void Without_git_on_PATH_the_build_succeeds_as_before_with_one_SR0007_warning()
    {
        using var repo = ThrowawayRepo.Create();
        var lib = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));

        // A PATH that has dotnet and nothing else (no git).
        var bin = E2EEnvironment.Instance.NewDirectory("path-without-git");
        var dotnet = Path.Combine(bin, "dotnet");
        var host = E2EEnvironment.Instance.DotNetHost;
        if (!Path.IsPathRooted(host))
            host = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator).Select(d => Path.Combine(d, host)).First(File.Exists);
        File.CreateSymbolicLink(dotnet, host);
        var probe = repo.Shell($"PATH='{bin}'; command -v git || echo no-git");
        Check.That(probe.Output.Trim() == "no-git", "The PATH under test must not find git.\n" + probe);

        var build = repo.Shell($"PATH='{bin}' '{dotnet}' build {lib} -nodeReuse:false -tl:off");
        var context = repo.Describe(build);
        Check.That(build.ExitCode == 0 && build.Output.Contains("Build succeeded", StringComparison.Ordinal), context);
        var warnings = ConfigurationRepo.WarningLines(build, "SR0007");
        Check.That(warnings.Count == 1, $"Expected one SR0007 warning, found {warnings.Count}.\n{context}");
        Check.That(warnings[0].Contains("git", StringComparison.Ordinal) && warnings[0].Contains("include_git_diff", StringComparison.Ordinal), context);
        Check.That(build.Output.Contains("1 Warning(s)", StringComparison.Ordinal) && build.Output.Contains("0 Error(s)", StringComparison.Ordinal),
            "The SR0007 warning is the build's only one.\n" + context);

        // The build itself is recorded; only files is left out.
        var state = repo.ReadState();
        Check.That(Str(state, "session_id") is not null, context);
        Check.That(ConfigurationRepo.Files(state, "created").Count == 0, context);
    }
}
