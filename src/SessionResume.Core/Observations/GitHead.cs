namespace SessionResume.Observations;

/// <summary>HEAD's commit and branch, and which worktree of the repository the session root is in.</summary>
/// <param name="Worktree">The session root relative to the repository's main worktree, with '/': "." there,
/// "../app-feature" in a linked worktree. Relative, so that a state made in CI reads the same on a laptop.</param>
public sealed record GitHead(string Commit, string? Branch, string? Worktree)
{
    /// <summary>The arguments of the one call that answers all three.</summary>
    internal static readonly string[] Arguments = ["rev-parse", "HEAD", "--abbrev-ref", "HEAD", "--git-common-dir"];

    /// <summary>Runs the call in the session root; null when git fails (no commit yet, no repository).</summary>
    internal static GitHead? Read(string gitExecutable, string root, TimeSpan timeout)
    {
        var run = GitProcess.Run(gitExecutable, root, Arguments, timeout);
        return run.Succeeded ? Parse(run.Output, root) : null;
    }

    /// <summary>The commit, then the branch ("HEAD" when detached), then the common git folder.</summary>
    internal static GitHead? Parse(string output, string root)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 2) return null;
        string? worktree = null;
        if (lines.Length > 2)
        {
            try
            {
                var common = Path.GetFullPath(lines[2], root);
                var main = Path.GetFileName(Path.TrimEndingDirectorySeparator(common)) == ".git" ? Path.GetDirectoryName(common) : common;
                if (main is not null) worktree = Path.GetRelativePath(main, Path.GetFullPath(root)).Replace('\\', '/');
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                worktree = null;
            }
        }
        return new GitHead(lines[0], lines[1] == "HEAD" ? null : lines[1], worktree);
    }
}
