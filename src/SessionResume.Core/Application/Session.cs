using SessionResume.Common;
using SessionResume.Config;
using SessionResume.Lifecycle;
using SessionResume.Store;

namespace SessionResume.Application;

/// <summary>A session as every writer and verb sees it: where it lives and how it is configured.</summary>
public sealed record Session(SessionLocation Location, SessionSettings Settings, bool ManageGitIgnore = true)
{
    public string Root => Location.Root;
    public string HistoryDirectory => Path.GetFullPath(Settings.HistoryDirectory, Location.Root);
    public SessionArchive Archive => new(HistoryDirectory, Location.Root);

    /// <summary>
    /// Finds the root (see <see cref="SessionLocation.Resolve"/>), reads .session-resume.json there
    /// and lets the MSBuild properties given (name to value; empty means not set) win over it.
    /// </summary>
    public static Session Open(string? explicitRoot, string projectDirectory, string? solutionDirectory,
        IReadOnlyDictionary<string, string?> properties, bool manageGitIgnore, List<Problem> problems)
    {
        var location = SessionLocation.Resolve(explicitRoot, projectDirectory, solutionDirectory, stateFile: null);
        var settings = SettingsLoader.Load(location.Root, properties, problems);
        location = location with { StateFile = Path.GetFullPath(settings.StateFile, location.Root) };
        return new Session(location, settings, manageGitIgnore);
    }

    /// <summary>The package's own files, which never appear in the state's files section.</summary>
    public IReadOnlyCollection<string> OwnPaths => Merge.OwnPaths.For(Root, Location.StateFile, HistoryDirectory);
}
