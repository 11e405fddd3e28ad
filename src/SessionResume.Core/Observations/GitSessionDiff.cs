using System.Globalization;

namespace SessionResume.Observations;

/// <summary>Lines added and removed in one file.</summary>
public readonly record struct LineChange(int Added, int Removed);

/// <summary>What changed since the session's start commit: lines per file, and the commits' subjects since, oldest first.</summary>
public sealed record SessionDiff(string Base, IReadOnlyDictionary<string, LineChange> Files, IReadOnlyList<string> Commits);

/// <summary>
/// <c>git diff --numstat</c> of the working tree against the session's start commit (untracked files,
/// which git does not diff, count as added), and <c>git log</c> of the commits since, when HEAD moved.
/// </summary>
public static class GitSessionDiff
{
    /// <summary>Null when git fails: a diff that cannot be told is left out, not guessed.</summary>
    public static SessionDiff? Read(string root, string baseCommit, string? headCommit, IEnumerable<string> untracked)
    {
        var timeout = GitFileChanges.DefaultTimeout;
        var diff = GitProcess.Run("git", root,
            ["-c", "core.quotepath=off", "diff", "--numstat", "-z", "--no-renames", "--relative", baseCommit, "--", "."], timeout);
        if (!diff.Succeeded) return null;
        var files = new SortedDictionary<string, LineChange>(StringComparer.Ordinal);
        foreach (var entry in diff.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('\t', 3);
            // Binary files have "-" for both counts: changed, with no lines to count.
            if (parts.Length == 3 && parts[2].Length > 0)
                files[parts[2].Trim('\n')] = new LineChange(Count(parts[0]), Count(parts[1]));
        }
        foreach (var path in untracked.Where(p => !files.ContainsKey(p))) files[path] = new LineChange(Lines(root, path), 0);
        IReadOnlyList<string> commits = [];
        if (headCommit is not null && headCommit != baseCommit)
        {
            var log = GitProcess.Run("git", root, ["log", "--reverse", "--format=%s", baseCommit + "..HEAD"], timeout);
            if (!log.Succeeded) return null;
            commits = log.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        return new SessionDiff(baseCommit, files, commits);
    }

    static int Count(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    static int Lines(string root, string path)
    {
        try
        {
            var info = new FileInfo(Path.Combine(root, path));
            if (!info.Exists || info.Length > FileHash.MaxBytes) return 0;
            var text = File.ReadAllText(info.FullName);
            return text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
