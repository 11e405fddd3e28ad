
namespace SessionResume.Store;

/// <summary>Where a session lives: its root and the files the package writes under it.</summary>
public sealed record SessionLocation(string Root, string StateFile, bool IsGitRepository)
{
    public const string DefaultStateFileName = ".session-state.json";

    /// <summary>
    /// The session root is the explicit override, else the nearest ancestor of the project holding
    /// .git (a folder, or a file in a worktree or submodule), else the solution's folder, else the
    /// project's folder. The state file may be given relative to that root, or absolute.
    /// </summary>
    public static SessionLocation Resolve(string? explicitRoot, string projectDirectory, string? solutionDirectory, string? stateFile)
    {
        string? gitRoot = FindGitRoot(projectDirectory);
        string root = !string.IsNullOrWhiteSpace(explicitRoot) ? Path.GetFullPath(explicitRoot, projectDirectory)
            : gitRoot ?? (IsUsable(solutionDirectory) ? Path.GetFullPath(solutionDirectory!) : Path.GetFullPath(projectDirectory));
        root = Path.TrimEndingDirectorySeparator(root);
        var state = Path.GetFullPath(string.IsNullOrWhiteSpace(stateFile) ? DefaultStateFileName : stateFile, root);
        return new SessionLocation(root, state, HasGit(root));
    }

    static bool IsUsable(string? directory) =>
        !string.IsNullOrWhiteSpace(directory) && directory != "*Undefined*" && Directory.Exists(directory);

    static string? FindGitRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (HasGit(dir.FullName)) return dir.FullName;
        return null;
    }

    static bool HasGit(string directory)
    {
        var git = Path.Combine(directory, ".git");
        return Directory.Exists(git) || File.Exists(git);
    }

    /// <summary>A name for the session's project: the root folder's name (repository, solution or project folder).</summary>
    public string ProjectName => Path.GetFileName(Root) is { Length: > 0 } name ? name : Root;
}
