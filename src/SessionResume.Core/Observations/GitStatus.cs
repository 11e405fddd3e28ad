
namespace SessionResume.Observations;

/// <summary>What git reports as changed in the working tree, as session paths (root-relative, '/'), each list sorted ordinally.</summary>
public sealed record GitStatus(IReadOnlyList<string> Created, IReadOnlyList<string> Modified, IReadOnlyList<string> Deleted)
{
    /// <summary>HEAD's commit (null before the first commit), read with the status.</summary>
    public string? Commit { get; init; }

    /// <summary>The branch checked out; null when HEAD is detached or not known.</summary>
    public string? Branch { get; init; }

    /// <summary>The session root relative to the repository's main worktree (<see cref="GitHead.Worktree"/>).</summary>
    public string? Worktree { get; init; }

    /// <summary>The session's diff against its start commit, when it was asked for and git could tell.</summary>
    public SessionDiff? Diff { get; init; }

    public static GitStatus Empty { get; } = new([], [], []);
}
