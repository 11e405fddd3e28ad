using SessionResume.Common;
using SessionResume.Observations;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Observations;

public class GitFileChangesTests
{
    [Fact]
    public void A_real_repository_reports_created_modified_deleted_renamed_and_untracked_files()
    {
        using var repo = new GitRepository();
        repo.Write("a.txt", "a");
        repo.Write("b.txt", "b");
        repo.Write("c.txt", "c is long enough for rename detection to be sure\n");
        repo.Write("sub/d.txt", "d");
        repo.Git("add", ".");
        repo.Git("commit", "--quiet", "-m", "start");

        File.AppendAllText(Path.Combine(repo.Path, "a.txt"), " changed");
        File.Delete(Path.Combine(repo.Path, "b.txt"));
        repo.Git("mv", "c.txt", "c renamed ü.txt");
        repo.Write("new file.txt", "n");
        repo.Write("dir/deep/x.txt", "x");
        repo.Write("sub/staged.txt", "s");
        repo.Git("add", "sub/staged.txt");

        var status = GitFileChanges.Read(repo.Path, out var problem);
        Assert.Null(problem);
        Assert.NotNull(status);
        Assert.Equal(["c renamed ü.txt", "dir/deep/x.txt", "new file.txt", "sub/staged.txt"], status.Created);
        Assert.Equal(["a.txt"], status.Modified);
        Assert.Equal(["b.txt", "c.txt"], status.Deleted);
    }

    [Fact]
    public void A_clean_repository_reports_nothing()
    {
        using var repo = new GitRepository();
        repo.Write("a.txt", "a");
        repo.Git("add", ".");
        repo.Git("commit", "--quiet", "-m", "start");
        var status = GitFileChanges.Read(repo.Path, out var problem);
        Assert.Null(problem);
        Assert.Equal(GitStatus.Empty.Created, status!.Created);
        Assert.Empty(status.Modified);
        Assert.Empty(status.Deleted);
    }

    [Fact]
    public void A_root_below_the_repository_top_sees_only_its_own_files_relative_to_itself()
    {
        using var repo = new GitRepository();
        repo.Write("app/keep.txt", "k");
        repo.Write("lib/other.txt", "o");
        repo.Git("add", ".");
        repo.Git("commit", "--quiet", "-m", "start");
        File.AppendAllText(Path.Combine(repo.Path, "app", "keep.txt"), "!");
        File.AppendAllText(Path.Combine(repo.Path, "lib", "other.txt"), "!");
        repo.Write("app/src/new.txt", "n");
        repo.Write("top.txt", "t");

        var status = GitFileChanges.Read(Path.Combine(repo.Path, "app"), out var problem);
        Assert.Null(problem);
        Assert.Equal(["src/new.txt"], status!.Created);
        Assert.Equal(["keep.txt"], status.Modified);
        Assert.Empty(status.Deleted);
    }

    [Fact]
    public void A_root_reached_through_a_symbolic_link_keeps_its_spelling()
    {
        // macOS: /tmp is a link to /private/tmp, and git names the top by its real path.
        if (OperatingSystem.IsWindows()) return;   // links need extra rights there
        using var repo = new GitRepository();
        repo.Write("app/keep.txt", "k");
        repo.Git("add", ".");
        repo.Git("commit", "--quiet", "-m", "start");
        repo.Write("app/new.txt", "n");
        using var links = new TempDirectory();
        var linkedTop = Directory.CreateSymbolicLink(links.File("linked"), repo.Path).FullName;

        var status = GitFileChanges.Read(Path.Combine(linkedTop, "app"), out var problem);
        Assert.Null(problem);
        Assert.Equal(["new.txt"], status!.Created);
    }

    [Fact]
    public void Reading_works_while_a_commit_elsewhere_holds_the_index_lock()
    {
        using var repo = new GitRepository();
        repo.Write("a.txt", "a");
        repo.Git("add", ".");
        repo.Git("commit", "--quiet", "-m", "start");
        File.AppendAllText(Path.Combine(repo.Path, "a.txt"), "!");
        var indexLock = Path.Combine(repo.Path, ".git", "index.lock");
        File.WriteAllText(indexLock, "");   // a commit in progress elsewhere

        var status = GitFileChanges.Read(repo.Path, out var problem);
        Assert.Null(problem);
        Assert.Equal(["a.txt"], status!.Modified);
        Assert.Equal(0, new FileInfo(indexLock).Length);   // the other party's lock is untouched
    }

    [Fact]
    public void When_git_is_missing_the_problem_says_so_and_how_to_stop_asking()
    {
        using var repo = new GitRepository();
        using var empty = new TempDirectory();
        var status = GitFileChanges.Read(repo.Path, Path.Combine(empty.Path, "git"), GitFileChanges.DefaultTimeout, out var problem);
        Assert.Null(status);
        Assert.NotNull(problem);
        Assert.Equal(Problem.GitUnavailable, problem.Code);
        Assert.StartsWith("git could not be started (", problem.Message);
        Assert.Contains("Install git or put it on PATH.", problem.Message);
        Assert.EndsWith("set SessionResumeIncludeGitDiff=false or \"include_git_diff\": false in .session-resume.json.", problem.Message);
    }

    [Fact]
    public void When_git_fails_the_problem_carries_its_exit_code_and_message()
    {
        using var dir = new TempDirectory();
        // A .git file pointing nowhere, as a worktree whose main repository was deleted leaves behind.
        File.WriteAllText(dir.File(".git"), "gitdir: " + Path.Combine(dir.Path, "missing"));
        var status = GitFileChanges.Read(dir.Path, out var problem);
        Assert.Null(status);
        Assert.NotNull(problem);
        Assert.Equal(Problem.GitUnavailable, problem.Code);
        Assert.StartsWith($"\"git status\" failed in {dir.Path} (exit code 128: fatal: ", problem.Message);
        Assert.Contains("SessionResumeIncludeGitDiff=false", problem.Message);
    }

    [Fact]
    public void A_git_that_hangs_is_stopped_and_reported()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File(".git"));
        var hangingGit = FakeGit.Write(dir.Path, unix: "sleep 600", windows: "ping -n 600 127.0.0.1 >nul");
        var status = GitFileChanges.Read(dir.Path, hangingGit, TimeSpan.FromMilliseconds(300), out var problem);
        Assert.Null(status);
        Assert.NotNull(problem);
        Assert.StartsWith($"\"git status\" did not finish within 0.3 s in {dir.Path} and was stopped, so the files changed", problem.Message);
    }

    [Fact]
    public void Git_runs_without_optional_locks_and_with_the_expected_arguments()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File(".git"));
        var record = dir.File("recorded.txt");
        var fakeGit = FakeGit.Write(dir.Path,
            unix: $"echo \"$GIT_OPTIONAL_LOCKS|$*\" >> '{record}'; " +
                  "if [ \"$1\" = rev-parse ]; then printf 'abc123\\nmain\\n.git\\n'; else printf '?? x.cs\\0 M y.cs\\0'; fi",
            windows: $"echo %GIT_OPTIONAL_LOCKS%^|%*>> \"{record}\"");
        var status = GitFileChanges.Read(dir.Path, fakeGit, GitFileChanges.DefaultTimeout, out var problem);
        Assert.Null(problem);
        // The status, then HEAD's commit and branch: one more cheap call.
        Assert.Equal(["0|-c core.quotepath=off status --porcelain=v1 -z --untracked-files=all -- .", "0|rev-parse HEAD --abbrev-ref HEAD --git-common-dir"],
            File.ReadAllLines(record).Select(l => l.Trim()));
        Assert.NotNull(status);
        if (OperatingSystem.IsWindows()) return;   // cmd cannot write the NUL separators
        Assert.Equal(["x.cs"], status.Created);
        Assert.Equal(["y.cs"], status.Modified);
        Assert.Equal(("abc123", "main", "."), (status.Commit, status.Branch, status.Worktree));
    }

    [Fact]
    public void Outside_any_repository_there_is_nothing_to_report_and_no_warning()
    {
        using var dir = new TempDirectory();
        if (HasGitAbove(dir.Path)) return;   // a temp folder inside a repository cannot show this
        var status = GitFileChanges.Read(dir.Path, out var problem);
        Assert.Null(status);
        Assert.Null(problem);
    }

    [Fact]
    public void A_root_that_does_not_exist_reports_nothing()
    {
        using var dir = new TempDirectory();
        Assert.Null(GitFileChanges.Read(dir.File("missing"), out var problem));
        Assert.Null(problem);
    }

    static bool HasGitAbove(string path)
    {
        for (var d = new DirectoryInfo(path); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git"))) return true;
        return false;
    }
}
