using System.Globalization;
using SessionResume.Common;
using SessionResume.Config;

namespace SessionResume.Observations;

/// <summary>The files changed in the working tree, as git sees them, for the state's <c>files</c> section.</summary>
public static class GitFileChanges
{
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    const string DefaultGit = "git";
    static readonly string HowToSilence =
        $"To stop asking git, set {SettingTable.IncludeGitDiff.Property}=false or \"{SettingTable.IncludeGitDiff.Key}" +
        $"\": false in {SettingsLoader.FileName}.";

    /// <summary>
    /// Runs <c>git status</c> in the session root. Null with a problem (SR0007) when git is missing,
    /// fails or times out; null without one when the root is not in a git repository at all, where
    /// there is nothing to report and nothing worth a warning.
    /// </summary>
    public static GitStatus? Read(string root, out Problem? problem) => Read(root, DefaultGit, DefaultTimeout, out problem);

    /// <summary>As <see cref="Read(string, out Problem?)"/>, with the git to run and the time it gets (for tests).</summary>
    internal static GitStatus? Read(string root, string gitExecutable, TimeSpan timeout, out Problem? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root)) return null;
        var repoTop = FindRepositoryTop(root, gitExecutable, timeout, out problem);
        if (repoTop is null) return null;

        // "-- ." limits the work to the session root when it is only part of a larger repository;
        // core.quotepath=off keeps non-ASCII names readable (with -z nothing is quoted anyway).
        var run = GitProcess.Run(gitExecutable, root,
            ["-c", "core.quotepath=off", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."], timeout);
        if (!run.Succeeded)
        {
            problem = Failure("git status", run, root, timeout);
            return null;
        }
        var status = Parse(run.Output, repoTop, root);
        // One more cheap call for HEAD's commit, branch and worktree. It fails in a repository without
        // commits: nothing to stamp then.
        return GitHead.Read(gitExecutable, root, timeout) is { } head
            ? status with { Commit = head.Commit, Branch = head.Branch, Worktree = head.Worktree }
            : status;
    }

    /// <summary>
    /// Parses <c>git status --porcelain=v1 -z</c> output. <paramref name="repoTop"/> is the folder the
    /// porcelain paths are relative to; paths outside <paramref name="root"/> are left out.
    /// </summary>
    public static GitStatus Parse(string porcelainZ, string repoTop, string root) => PorcelainStatus.Parse(porcelainZ, repoTop, root);

    /// <summary>
    /// The repository's top folder, spelled as <paramref name="root"/> is. The usual root holds .git and
    /// is the top; otherwise git tells the root's place below the top (--show-prefix rather than
    /// --show-toplevel: the latter resolves symbolic links, /tmp against /private/tmp on macOS, and the
    /// two spellings would never match).
    /// </summary>
    static string? FindRepositoryTop(string root, string gitExecutable, TimeSpan timeout, out Problem? problem)
    {
        problem = null;
        if (HasGit(root)) return root;
        if (!HasGitAbove(root)) return null;   // no repository: no process started, no warning
        var run = GitProcess.Run(gitExecutable, root, ["rev-parse", "--show-prefix"], timeout);
        if (!run.Succeeded)
        {
            problem = Failure("git rev-parse", run, root, timeout);
            return null;
        }
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var levels = run.Output.TrimEnd('\r', '\n').Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        for (var i = 0; i < levels && top is not null; i++) top = Path.GetDirectoryName(top);
        return top;
    }

    static bool HasGit(string directory)
    {
        var git = Path.Combine(directory, ".git");
        return Directory.Exists(git) || File.Exists(git);
    }

    static bool HasGitAbove(string root)
    {
        for (var dir = Directory.GetParent(Path.GetFullPath(root)); dir is not null; dir = dir.Parent)
            if (HasGit(dir.FullName)) return true;
        return false;
    }

    static Problem Failure(string command, GitRun run, string root, TimeSpan timeout)
    {
        return run.Outcome switch
        {
            GitRunOutcome.NotStarted => Problems.GitNotStarted(run.Error.Trim(), HowToSilence),
            GitRunOutcome.TimedOut => Problems.GitTimedOut(command, Seconds(timeout), root, HowToSilence),
            _ => Problems.GitFailed(command, root, run.ExitCode, FirstLine(run.Error), HowToSilence),
        };
    }

    static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length == 0 ? "" : ": " + line;
    }
}
